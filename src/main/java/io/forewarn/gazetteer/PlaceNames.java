package io.forewarn.gazetteer;

import io.forewarn.place.PlaceLevel;

import java.util.List;

/**
 * Where the gazetteer's names are kept: in memory ({@link InMemoryPlaceNames}) or in the database
 * ({@code store.JdbcPlaceNames}). One question: the places of a level a name may mean.
 */
public interface PlaceNames {

    /** The places at {@code level} having {@code key} (a name as {@link io.forewarn.place.Names#normalise} folds it) among their names. */
    List<Candidate> named(PlaceLevel level, String key);
}
