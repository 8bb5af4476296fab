package io.forewarn.gazetteer;

import io.forewarn.place.Gazetteer;
import io.forewarn.place.GazetteerEntry;
import io.forewarn.place.Place;
import io.forewarn.place.PlaceLevel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A gazetteer that remembers where it placed the names it was asked about, at most {@code capacity} of them (the
 * least recently asked go first). Parties are filed where the gazetteer puts them as they are stored, and an import
 * of a hundred thousand venues names a few hundred towns: each is looked up in the database once, not once a party.
 * Only the names of a place at the level asked and coarser decide where it is placed, so they are the key, never its
 * geometry or its finer names. Like the gazetteer a
 * server reads at start, what it remembers stands until the server restarts (see README, "Gazetteer"). Thread-safe.
 */
public final class RememberingGazetteer implements Gazetteer {

    private record Question(List<String> names, PlaceLevel level) {
    }

    private final Gazetteer gazetteer;
    private final Map<Question, Optional<GazetteerEntry>> answers;

    public RememberingGazetteer(Gazetteer gazetteer, int capacity) {
        this.gazetteer = Objects.requireNonNull(gazetteer, "gazetteer");
        this.answers = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Question, Optional<GazetteerEntry>> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public Optional<GazetteerEntry> locate(Place place, PlaceLevel level) {
        // the name at the level and the coarser ones decide (Gazetteer#locate): a venue's own site name is no part of
        // the question about its town, or every venue of a town would be a question of its own (issue 10)
        List<String> names = new ArrayList<>();
        place.levels().forEach((at, named) -> {
            if (at.compareTo(level) >= 0) {
                names.add(at.key() + "=" + named.name());
            }
        });
        Question question = new Question(names, level);
        synchronized (answers) {
            Optional<GazetteerEntry> known = answers.get(question);
            if (known != null) {
                return known;
            }
        }
        Optional<GazetteerEntry> answer = gazetteer.locate(place, level);
        synchronized (answers) {
            answers.put(question, answer);
        }
        return answer;
    }
}
