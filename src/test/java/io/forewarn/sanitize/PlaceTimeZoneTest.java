package io.forewarn.sanitize;

import io.forewarn.Crocus;
import io.forewarn.place.Place;
import io.forewarn.place.Places;
import io.forewarn.policy.Audience;
import io.forewarn.policy.Policy;
import io.forewarn.policy.PolicyFile;
import io.forewarn.report.ThreatReport;
import io.forewarn.report.TimeWindow;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A warning writes the times of a threat in the zone of the threatened place, naming it, not in the
 * agency's: an agency in New York warning of a morning in Istanbul writes Istanbul's day and TRT.
 */
class PlaceTimeZoneTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Policy POLICY = PolicyFile.defaultPolicy();
    private static final Place ISTANBUL = Places.place().locality("Istanbul").region("Marmara Region").country("TR").build();
    /** 06:00 to 08:00 on 22 March in Istanbul: 23:00 on the 21st to 01:00 on the 22nd in New York. */
    private static final TimeWindow MORNING = new TimeWindow(Instant.parse("2024-03-22T03:00:00Z"),
            Instant.parse("2024-03-22T05:00:00Z"));
    private static final ThreatReport IN_ISTANBUL = new ThreatReport("R-9", Crocus.R1_UNMARKED.receivedAt(),
            Crocus.R1_UNMARKED.harm(), Crocus.R1_UNMARKED.credibility(), ISTANBUL, MORNING,
            Crocus.R1_UNMARKED.statements(), java.util.List.of(), null, true);

    private final Sanitizer agencyInNewYork = new Sanitizer(NEW_YORK);

    @Test
    void exactTimesAreWrittenInTheZoneOfTheThreatenedPlaceWithItsName() {
        Draft draft = draft(new Audience("foreign-government"));

        assertThat(draft.text()).contains("Time: from 22 March 2024, 06:00 TRT to 22 March 2024, 08:00 TRT.")
                .doesNotContain("EDT");
    }

    @Test
    void daysAreTheDaysOfTheThreatenedPlace() {
        Draft draft = draft(new Audience("public"));

        assertThat(draft.text()).contains("Date: 22 March 2024.").doesNotContain("21 March");
        assertThat(draft.statedWindow()).hasValue(new TimeWindow(
                ZonedDateTime.parse("2024-03-22T00:00+03:00[Europe/Istanbul]").toInstant(),
                ZonedDateTime.parse("2024-03-23T00:00+03:00[Europe/Istanbul]").toInstant()));
    }

    @Test
    void aPlaceWhoseZoneIsNotKnownIsWrittenInTheZoneItsTimesWereReadIn() {
        // Russia has many zones; the name of the country alone does not choose one
        assertThat(agencyInNewYork.zoneOf(Crocus.R1)).isEqualTo(NEW_YORK);
        assertThat(new Sanitizer(Crocus.MOSCOW).zoneOf(Crocus.R1)).isEqualTo(Crocus.MOSCOW);
        assertThat(new Sanitizer(NEW_YORK, place -> java.util.Optional.of(Crocus.MOSCOW)).zoneOf(Crocus.R1))
                .as("a source that knows the place's zone is used").isEqualTo(Crocus.MOSCOW);
    }

    @Test
    void aZoneTheJdkHasNoNameForIsWrittenAsItsOffsetFromUtc() {
        Instant moment = Instant.parse("2024-03-22T16:00:00Z");
        assertThat(ZoneNames.of(moment.atZone(ZoneId.of("Europe/Moscow")))).isEqualTo("MSK");
        assertThat(ZoneNames.of(moment.atZone(ZoneId.of("Asia/Tehran")))).isEqualTo("IRST");
        assertThat(ZoneNames.of(moment.atZone(ZoneId.of("Etc/GMT-3")))).isEqualTo("UTC+03:00");
        assertThat(ZoneNames.of(moment.atZone(ZoneId.of("America/Punta_Arenas")))).isEqualTo("UTC-03:00");
        assertThat(ZoneNames.of(moment.atZone(ZoneId.of("UTC")))).isEqualTo("UTC");
    }

    private Draft draft(Audience audience) {
        return agencyInNewYork.draft(IN_ISTANBUL, audience, POLICY.ceiling(audience).orElseThrow());
    }
}
