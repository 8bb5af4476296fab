package io.forewarn.web.api;

import io.forewarn.language.Language;
import io.forewarn.report.Facet;
import io.forewarn.sanitize.Justification;
import io.forewarn.yaml.YamlMap;
import io.forewarn.yaml.YamlValue;

import java.util.Map;

/**
 * An analyst's wording of a draft: {@code {language?: en, text, justifications?: {facet: code}}}, the
 * justifications for any fact the new wording no longer states.
 */
record DraftTextRequest(Language language, String text, Map<Facet, Justification> justifications) {

    static DraftTextRequest read(YamlValue body) {
        YamlMap map = body.asMap().allowOnly("language", "text", "justifications");
        Language language = map.find("language").map(tag -> tag.as(Language::of)).orElse(Language.ENGLISH);
        return new DraftTextRequest(language, map.get("text").asText(), DraftRequest.justifications(map));
    }
}
