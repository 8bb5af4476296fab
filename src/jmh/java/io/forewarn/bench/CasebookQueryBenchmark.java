package io.forewarn.bench;

import io.forewarn.obligation.DutyToWarn;
import io.forewarn.obligation.Obligation;
import io.forewarn.obligation.ObligationQuery;
import io.forewarn.obligation.Slice;
import io.forewarn.party.Party;
import io.forewarn.party.Relationship;
import io.forewarn.place.Area;
import io.forewarn.place.LatLon;
import io.forewarn.place.NamedPlace;
import io.forewarn.place.Place;
import io.forewarn.place.PlaceLevel;
import io.forewarn.policy.Audience;
import io.forewarn.policy.Policy;
import io.forewarn.policy.PolicyFile;
import io.forewarn.report.Credibility;
import io.forewarn.report.Facet;
import io.forewarn.report.Harm;
import io.forewarn.report.Level;
import io.forewarn.report.ProtectedMaterial;
import io.forewarn.report.ThreatReport;
import io.forewarn.report.TimeWindow;
import io.forewarn.sanitize.Sanitizer;
import io.forewarn.store.JdbcCasebook;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * What the casebook's questions cost as the parties grow, on an H2 file and on PostgreSQL, at 1,000 and
 * 100,000 parties: venues, each a site of 100 m to 1 km radius, spread over 2° × 4° around Moscow (about
 * 220 × 250 km), in 200 localities. In milliseconds per operation:
 * <ul>
 *   <li>{@code openObligations}: {@link DutyToWarn#receive} of a new report whose place is a site of 2 km
 *       radius drawn at random over the parties' area, in one transaction: the candidates by the place index,
 *       the exact check, the obligations opened in one batch, their events and ledger entries. At 1,000 parties
 *       it opens about 0.1 obligation per report, at 100,000 about 7 (mean over the trial).</li>
 *   <li>{@code firstPageOfParties}, {@code firstPageOfObligations}: the first page of 50 of each listing.</li>
 *   <li>{@code baselinePartyById}: the baseline, one party read by its primary key; the others are reported as a
 *       multiple of it, so the table shows whether a question's cost follows the casebook's size.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 4, time = 3)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CasebookQueryBenchmark {

    static final double SOUTH = 54.8;
    static final double WEST = 35.6;
    static final double HEIGHT = 2;
    static final double WIDTH = 4;

    @Param({"h2", "postgresql"})
    public String db;

    @Param({"1000", "100000"})
    public int parties;

    private BenchDatabase database;
    private JdbcCasebook casebook;
    private TransactionTemplate transaction;
    private DutyToWarn duty;
    private final Random random = new Random(7);
    private final Policy policy = PolicyFile.defaultPolicy();
    private long reports;
    private long opened;

    @Setup(org.openjdk.jmh.annotations.Level.Trial)
    public void fill() {
        database = BenchDatabase.create(db, Path.of(System.getProperty("bench.work", "target/bench-work")), "queries");
        casebook = database.database().casebook();
        transaction = new TransactionTemplate(new JdbcTransactionManager(database.database().dataSource()));
        Random places = new Random(42);
        List<Party> chunk = new ArrayList<>();
        for (int i = 0; i < parties; i++) {
            chunk.add(venue(i, places));
            if (chunk.size() == 5000 || i == parties - 1) {
                List<Party> batch = List.copyOf(chunk);
                transaction.executeWithoutResult(status -> casebook.putParties(batch));
                chunk.clear();
            }
        }
        Clock clock = Clock.fixed(Instant.parse("2024-03-07T05:00:00Z"), ZoneOffset.UTC);
        duty = new DutyToWarn(casebook, policy, new Sanitizer(ZoneOffset.UTC), clock);
    }

    @TearDown(org.openjdk.jmh.annotations.Level.Trial)
    public void close() {
        System.out.printf(java.util.Locale.ROOT, "%n%s, %,d parties: %,d reports opened %,d obligations (%.2f a report)%n",
                db, parties, reports, opened, reports == 0 ? 0.0 : (double) opened / reports);
        database.close();
    }

    @Benchmark
    public List<Obligation> openObligations() {
        ThreatReport report = report("R-" + (++reports), random);
        List<Obligation> made = transaction.execute(status -> duty.receive(report, "bench"));
        opened += made.size();
        return made;
    }

    @Benchmark
    public List<Party> firstPageOfParties() {
        return transaction.execute(status -> casebook.parties(Optional.empty(), Slice.first(51)));
    }

    @Benchmark
    public List<Obligation> firstPageOfObligations() {
        return transaction.execute(status -> casebook.obligations(ObligationQuery.all().mostUrgentFirst(), Slice.first(51)));
    }

    @Benchmark
    public Optional<Party> baselinePartyById() {
        return transaction.execute(status -> casebook.party("venue-" + random.nextInt(parties)));
    }

    static Party venue(int i, Random places) {
        Map<PlaceLevel, NamedPlace> levels = new EnumMap<>(PlaceLevel.class);
        LatLon at = new LatLon(SOUTH + places.nextDouble() * HEIGHT, WEST + places.nextDouble() * WIDTH);
        levels.put(PlaceLevel.SITE, new NamedPlace("Venue " + i, Optional.of(new Area.Circle(at, 0.1 + places.nextDouble() * 0.9))));
        levels.put(PlaceLevel.LOCALITY, NamedPlace.named("Locality " + places.nextInt(200)));
        levels.put(PlaceLevel.REGION, NamedPlace.named("Moscow Oblast"));
        levels.put(PlaceLevel.COUNTRY, NamedPlace.named("RU"));
        return new Party.Venue("venue-" + i, new Audience("venue-operator"), Relationship.NEUTRAL, Place.of(levels),
                List.of("concert hall"), true);
    }

    /** A credible report of a killing at a 2 km site drawn over the parties' area, targeting concert halls. */
    static ThreatReport report(String id, Random random) {
        Map<PlaceLevel, NamedPlace> levels = new EnumMap<>(PlaceLevel.class);
        LatLon at = new LatLon(SOUTH + random.nextDouble() * HEIGHT, WEST + random.nextDouble() * WIDTH);
        levels.put(PlaceLevel.SITE, new NamedPlace("Site of " + id, Optional.of(new Area.Circle(at, 2))));
        levels.put(PlaceLevel.COUNTRY, NamedPlace.named("RU"));
        Place place = Place.of(levels);
        Instant received = Instant.parse("2024-03-07T05:00:00Z");
        Map<Facet, Map<Level, String>> statements = new EnumMap<>(Facet.class);
        statements.put(Facet.TARGET, levels(Facet.TARGET, "class", "concert halls", "category", "mass gatherings"));
        statements.put(Facet.METHOD, levels(Facet.METHOD, "generic", "attack"));
        statements.put(Facet.ACTOR, levels(Facet.ACTOR, "type", "terrorist group"));
        return new ThreatReport(id, received, Harm.KILLING, Credibility.of("B2"), place,
                new TimeWindow(received, received.plus(Duration.ofDays(20))), statements, List.of(),
                ProtectedMaterial.NONE, true);
    }

    private static Map<Level, String> levels(Facet facet, String... levelText) {
        Map<Level, String> levels = new LinkedHashMap<>();
        for (int i = 0; i < levelText.length; i += 2) {
            levels.put(facet.level(levelText[i]), levelText[i + 1]);
        }
        return levels;
    }
}
