package io.forewarn.store;

import io.forewarn.obligation.Casebook;
import io.forewarn.obligation.InMemoryCasebook;
import io.forewarn.party.Affected;
import io.forewarn.party.AffectedParties;
import io.forewarn.party.Parties;
import io.forewarn.party.Party;
import io.forewarn.place.Area;
import io.forewarn.place.LatLon;
import io.forewarn.place.NamedPlace;
import io.forewarn.place.Place;
import io.forewarn.place.PlaceLevel;
import io.forewarn.place.Reach;
import io.forewarn.report.ThreatReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static io.forewarn.Crocus.R1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Whatever the parties and the report's place, resolving the report against the casebook's candidates
 * ({@link Casebook#partiesReached}) affects exactly the parties that resolving it against every party does:
 * the index misses nobody the exact check (JTS geometry, names, jurisdictions) accepts. Places are drawn
 * from a few shared names at every level, with circles from a point to 3,000 km and polygons up to 40°
 * across, crowded near the antimeridian and the poles where degrees mislead, so that every way a party can
 * be affected is met often.
 */
class PartyCandidatesProperties {

    private static final String[][] NAMES = {
            {"Crocus City Hall", "Plaza", "Port"},
            {"Moscow", "Krasnogorsk", "Anadyr"},
            {"Moscow Oblast", "Chukotka"},
            {"RU", "US"}};

    private static final int PARTIES = 30;

    @Test
    void inMemoryTheCandidatesMissNoAffectedParty() {
        qt().withExamples(200).forAll(longs().all())
                .checkAssert(seed -> assertSameAffected(seed, new InMemoryCasebook(), ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void inTheDatabaseTheCandidatesMissNoAffectedParty(String kind) {
        try (TestDatabase database = TestDatabase.of(kind)) {
            Casebook casebook = new JdbcCasebook(database.dataSource());
            AtomicInteger example = new AtomicInteger();
            // one database for every example: each puts its parties under ids of its own and reads back only those
            qt().withExamples(50).forAll(longs().all())
                    .checkAssert(seed -> assertSameAffected(seed, casebook, "e" + example.incrementAndGet() + "-"));
        }
    }

    private static void assertSameAffected(long seed, Casebook casebook, String prefix) {
        Random random = new Random(seed);
        List<Party> parties = new ArrayList<>();
        for (int i = 0; i < PARTIES; i++) {
            parties.add(party(prefix + "p" + i, random));
        }
        parties.forEach(casebook::putParty);
        ThreatReport report = new ThreatReport(prefix + "R", R1.receivedAt(), R1.harm(), R1.credibility(), place(random, false),
                R1.window(), R1.statements(), R1.portions(), R1.protectedMaterial(), true);

        List<Party> candidates = casebook.partiesReached(Reach.of(report.place())).stream()
                .filter(p -> p.id().startsWith(prefix + "p"))
                .toList();
        List<String> expected = ids(new AffectedParties(parties).resolve(report));
        List<String> found = ids(new AffectedParties(candidates).resolve(report));

        assertThat(found).as("seed %d: report at %s", seed, report.place().levels()).isEqualTo(expected);
    }

    private static List<String> ids(List<Affected> affected) {
        return affected.stream().map(a -> a.party().id()).toList();
    }

    private static Party party(String id, Random random) {
        Place place = place(random, true);
        return switch (random.nextInt(4)) {
            case 0 -> Parties.registrants(id, place);
            case 1 -> Parties.publicOf(id, place);
            case 2 -> Parties.authority(id, place);
            default -> Parties.venue(id, place, random.nextBoolean() ? "concert hall" : "market");
        };
    }

    /** Some levels named from the shared pool, any of them (for a party, its most specific) with geometry. */
    private static Place place(Random random, boolean party) {
        Map<PlaceLevel, NamedPlace> levels = new EnumMap<>(PlaceLevel.class);
        for (PlaceLevel level : PlaceLevel.values()) {
            if (random.nextInt(3) > 0 || levels.isEmpty() && level == PlaceLevel.COUNTRY) {
                String[] pool = NAMES[level.ordinal()];
                String name = pool[random.nextInt(pool.length)];
                String written = random.nextInt(4) == 0 ? "  " + name.toUpperCase() + " " : name;
                Optional<Area> area = random.nextInt(3) == 0 ? Optional.empty() : Optional.of(area(random));
                if (party && !levels.isEmpty() && random.nextBoolean()) {
                    area = Optional.empty();
                }
                levels.put(level, new NamedPlace(written, area));
            }
        }
        return Place.of(levels);
    }

    private static Area area(Random random) {
        LatLon centre = new LatLon(latitude(random), longitude(random));
        if (random.nextBoolean()) {
            double radius = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextDouble() * 5;
                case 2 -> random.nextDouble() * 200;
                default -> random.nextDouble() * 3000;
            };
            return new Area.Circle(centre, radius);
        }
        double spread = random.nextBoolean() ? random.nextDouble() * 0.5 : random.nextDouble() * 40;
        List<LatLon> ring = new ArrayList<>();
        int corners = 3 + random.nextInt(4);
        for (int i = 0; i < corners; i++) {
            double lat = Math.max(-90, Math.min(90, centre.lat() + (random.nextDouble() - 0.5) * spread));
            double lon = centre.lon() + (random.nextDouble() - 0.5) * spread;
            ring.add(new LatLon(lat, lon > 180 ? lon - 360 : lon < -180 ? lon + 360 : lon));
        }
        return new Area.Polygon(ring);
    }

    /** Near Moscow, near Chukotka by the antimeridian, near a pole, or anywhere. */
    private static double latitude(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> 55.5 + random.nextDouble();
            case 1 -> 64 + random.nextDouble() * 3;
            case 2 -> (random.nextBoolean() ? 1 : -1) * (88 + random.nextDouble() * 2);
            default -> random.nextDouble() * 180 - 90;
        };
    }

    private static double longitude(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> 37 + random.nextDouble();
            case 1 -> random.nextBoolean() ? 179 + random.nextDouble() : -180 + random.nextDouble();
            case 2 -> -3 + random.nextDouble() * 2; // the antipodes of the antimeridian's neighbourhood
            default -> random.nextDouble() * 360 - 180;
        };
    }
}
