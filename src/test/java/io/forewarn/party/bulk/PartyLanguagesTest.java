package io.forewarn.party.bulk;

import io.forewarn.language.Language;
import io.forewarn.party.Party;
import io.forewarn.party.PartyReader;
import io.forewarn.yaml.FileProblem;
import io.forewarn.yaml.SafeYaml;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A party names the languages it reads warnings in, in a scenario or request, a CSV row and a GeoJSON feature. */
class PartyLanguagesTest {

    private static final List<Language> RU_FA = List.of(Language.of("ru"), Language.of("fa"));

    @Test
    void aPartyWrittenAsInAScenarioNamesItsLanguages() {
        Party party = PartyReader.read(SafeYaml.parse("p.yaml",
                "{id: p, kind: public, audience: public, area: {locality: Tehran, country: IR}, languages: [ru, FA]}"));

        assertThat(party.languages()).containsExactly(Language.of("ru"), Language.of("fa"));
    }

    @Test
    void aLanguageWithoutAPhrasebookIsRefusedWhereItIsWritten() {
        assertThatThrownBy(() -> PartyReader.read(SafeYaml.parse("p.yaml",
                "{id: p, kind: public, audience: public, area: {country: IR}, languages: [fa, de]}")))
                .isInstanceOf(FileProblem.class)
                .hasMessage("p.yaml:1:78: languages[1]: no warning phrasebook for language de "
                        + "(add src/main/resources/warnings/de.yaml)");
    }

    @Test
    void aCsvRowNamesItsLanguagesSeparatedBySemicolons() {
        List<ImportRow> rows = PartyCsv.read("test", "id,kind,audience,country,languages\n"
                + "p,public,public,IR,ru; fa\n"
                + "q,public,public,IR,\n"
                + "r,public,public,IR,xx-nonsense-!\n");

        assertThat(((ImportRow.Accepted) rows.get(0)).party().languages()).isEqualTo(RU_FA);
        assertThat(((ImportRow.Accepted) rows.get(1)).party().languages()).isEmpty();
        assertThat(rows.get(2)).isInstanceOfSatisfying(ImportRow.Rejected.class, rejected ->
                assertThat(rejected.problems()).extracting(RowProblem::field, RowProblem::problem).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("languages",
                                "each must be a language tag with a warning phrasebook (src/main/resources/warnings/)")));
    }

    @Test
    void aGeoJsonFeatureNamesItsLanguagesAsAList() {
        List<ImportRow> rows = PartyGeoJson.read("test", "{\"type\": \"FeatureCollection\", \"features\": ["
                + "{\"type\": \"Feature\", \"geometry\": null, \"properties\": {\"id\": \"p\", \"kind\": \"public\","
                + " \"audience\": \"public\", \"country\": \"IR\", \"languages\": [\"ru\", \"fa\"]}}]}");

        assertThat(((ImportRow.Accepted) rows.get(0)).party().languages()).isEqualTo(RU_FA);
    }
}
