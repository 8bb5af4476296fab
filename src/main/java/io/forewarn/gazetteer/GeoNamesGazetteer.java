package io.forewarn.gazetteer;

import io.forewarn.place.Gazetteer;
import io.forewarn.place.GazetteerEntry;
import io.forewarn.place.Names;
import io.forewarn.place.Place;
import io.forewarn.place.PlaceLevel;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The gazetteer of GeoNames rows: populated places ({@code cities1000.txt}) at the locality level, first-order
 * divisions ({@code admin1CodesASCII.txt}) and Forewarn's regions at the region level, and the countries of
 * ISO 3166 at the country level, their names kept in memory or in the database ({@link PlaceNames}). Sites are
 * not in these files, so a site is placed by the coarser names its place states.
 *
 * <p><b>Names</b> are compared as {@link Names#normalise} compares them, against a row's name, its ASCII name
 * and, for towns, its alternate names ("Moskva"). <b>Which one</b>, when several share a name: those within the
 * country the place states (when it states one the gazetteer knows), then within the region it states (when
 * that leaves any: a file may well call Moscow a part of Moscow Oblast, which administratively it is not),
 * then a match of the name itself before an alternate name, then the largest population, then the lowest id.
 */
public final class GeoNamesGazetteer implements Gazetteer {

    private static final Comparator<Candidate> PREFERRED = Comparator.comparing((Candidate c) -> !c.byOwnName())
            .thenComparing(Comparator.comparingLong(Candidate::population).reversed())
            .thenComparing(c -> c.entry().id());

    private final PlaceNames names;

    public GeoNamesGazetteer(PlaceNames names) {
        this.names = Objects.requireNonNull(names, "names");
    }

    public static GeoNamesGazetteer of(List<GeoName> places, List<Admin1Division> admin1, List<Region> regions) {
        return new GeoNamesGazetteer(new InMemoryPlaceNames(places, admin1, regions));
    }

    @Override
    public Optional<GazetteerEntry> locate(Place place, PlaceLevel level) {
        Optional<String> key = place.at(level).map(named -> Names.normalise(named.name()));
        if (key.isEmpty() || level == PlaceLevel.SITE) {
            return Optional.empty();
        }
        List<Candidate> candidates = names.named(level, key.get());
        for (PlaceLevel coarser : PlaceLevel.values()) {
            if (candidates.isEmpty()) {
                break;
            }
            if (coarser.compareTo(level) <= 0 || place.at(coarser).isEmpty()) {
                continue;
            }
            Optional<GazetteerEntry> context = locate(place, coarser);
            if (context.isEmpty()) {
                continue;
            }
            List<Candidate> inside = candidates.stream().filter(c -> c.entry().liesWithin(context.get())).toList();
            if (coarser == PlaceLevel.COUNTRY || !inside.isEmpty()) {
                candidates = inside;
            }
        }
        return candidates.stream().min(PREFERRED).map(Candidate::entry);
    }
}
