package io.forewarn.scenario;

import io.forewarn.party.Party;
import io.forewarn.review.FindingCode;
import io.forewarn.yaml.YamlMap;
import io.forewarn.yaml.YamlValue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code expect}: a list of {@code {finding, party}} (the findings of the as-recorded replay),
 * or a map {@code {as-recorded: [...], as-policy: [...]}}. Only the modes the file states are in the
 * result: a mode that is absent is not checked, whereas an empty list expects no findings at all.
 * A finding is one of the review's own {@link FindingCode}s.
 */
final class ExpectationReader {

    private ExpectationReader() {
    }

    static Map<Mode, List<ExpectedFinding>> read(YamlValue value, UniqueIds<Party> parties) {
        if (value.isList()) {
            return Map.of(Mode.AS_RECORDED, findings(value, parties));
        }
        if (!value.isMap()) {
            throw value.expected("a list of {finding, party} or a map {as-recorded: [...], as-policy: [...]}");
        }
        Map<Mode, List<ExpectedFinding>> expectations = new EnumMap<>(Mode.class);
        for (YamlMap.Entry entry : value.asMap().allowOnly("as-recorded", "as-policy").entries()) {
            expectations.put(Mode.of(entry.name()), findings(entry.value(), parties));
        }
        return expectations;
    }

    private static List<ExpectedFinding> findings(YamlValue value, UniqueIds<Party> parties) {
        return value.asList().stream().map(item -> finding(item, parties)).toList();
    }

    private static ExpectedFinding finding(YamlValue value, UniqueIds<Party> parties) {
        YamlMap map = value.asMap().allowOnly("finding", "party");
        FindingCode finding = map.get("finding").as(FindingCode::of);
        YamlValue partyValue = map.get("party");
        return new ExpectedFinding(finding.code(), parties.require(partyValue.asText(), partyValue).id());
    }
}
