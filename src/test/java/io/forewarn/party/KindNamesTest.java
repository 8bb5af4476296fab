package io.forewarn.party;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class KindNamesTest {

    @ParameterizedTest
    @CsvSource({
            "concert halls, concert hall",
            "synagogues, synagogue",
            "churches, church",
            "embassies, embassy",
            "mass gatherings, mass gathering",
            "houses of worship, house of worship",
            "boxes, box",
            "addresses, address",
            "campus, campus",
            "'  Concert   HALLS ', concert hall",
            "concert hall, concert hall",
    })
    void pluralsAreSingularisedWordByWordAfterNormalising(String written, String compared) {
        assertThat(KindNames.normalise(written)).isEqualTo(compared);
    }

    @ParameterizedTest
    @CsvSource({
            "concert halls, Concert Hall",
            "synagogues, synagogue",
            "Churches, church",
            "theatres, theatre",
    })
    void aReportsClassMatchesAVenueKind(String reportClass, String venueKind) {
        assertThat(KindNames.same(reportClass, venueKind)).isTrue();
    }
}
