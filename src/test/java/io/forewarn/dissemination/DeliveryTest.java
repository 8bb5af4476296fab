package io.forewarn.dissemination;

import io.forewarn.language.Language;
import io.forewarn.obligation.Warning;
import io.forewarn.party.ContactPoint;
import io.forewarn.store.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeliveryTest {

    private static final Warning WARNING = withRussian(Fixtures.warning("W-1", "R-1", Instant.parse("2024-03-07T19:00:00Z"),
            Fixtures.PLAZA));

    @Test
    void aDeliveryIsInThePartysFirstLanguageTheWarningIsWrittenIn() {
        Delivery delivery = delivery(List.of(Language.of("fa"), Language.of("ru")));
        assertThat(delivery.language()).isEqualTo(Language.of("ru"));
        assertThat(delivery.text()).isEqualTo("Избегайте массовых мероприятий");
    }

    @Test
    void aPartyWhoseLanguagesTheWarningLacksGetsEnglish() {
        Delivery delivery = delivery(List.of(Language.of("fa")));
        assertThat(delivery.language()).isEqualTo(Language.ENGLISH);
        assertThat(delivery.text()).isEqualTo(WARNING.text());
    }

    @Test
    void attemptsCountFromOne() {
        assertThatThrownBy(() -> new Delivery("D-1", Delivery.Kind.ALERT, WARNING, "plaza",
                new ContactPoint.Email("duty@example.org"), List.of(), 0)).hasMessage("attempts count from 1");
    }

    private static Delivery delivery(List<Language> languages) {
        return new Delivery("D-1", Delivery.Kind.ALERT, WARNING, "plaza", new ContactPoint.Email("duty@example.org"),
                languages, 1);
    }

    private static Warning withRussian(Warning warning) {
        return new Warning(warning.id(), warning.reportId(), warning.audience(), warning.partyIds(), warning.issuedAt(),
                warning.validity(), warning.released(), warning.releasedPlace(), warning.statedWindow(), warning.text(),
                Map.of(Language.of("ru"), "Избегайте массовых мероприятий"), warning.specificity(), warning.justifications(),
                warning.renews(), warning.recorded());
    }
}
