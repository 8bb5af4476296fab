package io.forewarn.language;

import io.forewarn.yaml.YamlValue;

/** Reading the languages a file names: each must be a language tag with a shipped phrasebook, or the file is refused. */
public final class Languages {

    private Languages() {
    }

    /**
     * The language of a tag in a file.
     *
     * @throws io.forewarn.yaml.FileProblem at the tag when it is not a language tag or has no phrasebook
     */
    public static Language shipped(YamlValue tag) {
        return tag.as(Languages::shipped);
    }

    /**
     * The language of a tag in a request or an import row.
     *
     * @throws IllegalArgumentException when it is not a language tag or has no phrasebook
     */
    public static Language shipped(String tag) {
        Language language = Language.of(tag);
        Phrasebook.of(language);
        return language;
    }
}
