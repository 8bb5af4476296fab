package io.forewarn.server;

import io.forewarn.dissemination.Channel;
import io.forewarn.dissemination.Outbox;
import io.forewarn.dissemination.OutboxListener;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.forewarn.gazetteer.GazetteerZones;
import io.forewarn.party.ContactBook;
import io.forewarn.store.JdbcContactBook;
import io.forewarn.store.JdbcOutbox;
import io.forewarn.gazetteer.GeoNamesGazetteer;
import io.forewarn.gazetteer.RememberingGazetteer;
import io.forewarn.obligation.Casebook;
import io.forewarn.obligation.DutyListener;
import io.forewarn.place.CountryZones;
import io.forewarn.place.Gazetteer;
import io.forewarn.place.PlaceZones;
import io.forewarn.policy.PolicyBook;
import io.forewarn.policy.PolicyVersions;
import io.forewarn.sanitize.Sanitizer;
import io.forewarn.store.Database;
import io.forewarn.store.DatabaseSettings;
import io.forewarn.store.GazetteerImport;
import io.forewarn.store.JdbcCasebook;
import io.forewarn.store.PlaceFiling;
import io.forewarn.store.JdbcPlaceNames;
import io.forewarn.store.JdbcPolicyVersions;
import io.forewarn.store.ObligationCounts;
import io.forewarn.store.PlannerStatistics;
import io.forewarn.store.SweepLease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Wires the domain to the database: the casebook, the policy versions, the clock, the desk, the deadline
 * scheduler with its lease, the outbox with its dispatcher and channels, and the domain metrics.
 */
@Configuration
class ServerConfiguration {

    static final String DATABASE_BEAN = "database";

    private static final Logger LOG = LoggerFactory.getLogger(ServerConfiguration.class);

    /**
     * The real time in the agency's zone ({@code forewarn.timezone}, so summaries read in local time),
     * shifted by {@code forewarn.clock-offset}: an exercise setting, so a drill or a test can reach
     * deadlines and expiries without waiting. A server running with an offset says so at start.
     */
    @Bean
    Clock clock(ServerSettings settings) {
        Clock real = Clock.system(settings.zone());
        Duration offset = settings.clockOffset();
        if (offset.isZero()) {
            return real;
        }
        LOG.warn("forewarn.clock-offset is {}: this server's clock runs {} the real time. It is an exercise setting; "
                + "every deadline, escalation and expiry it decides is shifted with it.", offset,
                offset.isNegative() ? offset.negated() + " behind" : offset + " ahead of");
        return Clock.offset(real, offset);
    }

    /**
     * The database, migrated before anything uses it. {@code forewarn serve} has opened it already, before the
     * context was built ({@link BeforeStart}); a context started otherwise (a test's) opens it here.
     */
    @Bean(name = DATABASE_BEAN, destroyMethod = "close")
    @ConditionalOnMissingBean(Database.class)
    Database database(Environment environment) {
        return Database.open(databaseSettings(environment));
    }

    /**
     * The database named by FOREWARN_DB_URL (+ _USER, _PASSWORD, _POOL_SIZE) from the environment or the
     * settings, else the embedded H2 file under ./forewarn-data/.
     */
    static DatabaseSettings databaseSettings(Environment environment) {
        Map<String, String> variables = new HashMap<>();
        for (String name : List.of(DatabaseSettings.URL_VARIABLE, DatabaseSettings.USER_VARIABLE,
                DatabaseSettings.PASSWORD_VARIABLE, DatabaseSettings.POOL_SIZE_VARIABLE)) {
            String value = environment.getProperty(name);
            if (value != null) {
                variables.put(name, value);
            }
        }
        return DatabaseSettings.fromEnvironment(variables);
    }

    @Bean
    DataSource dataSource(Database database) {
        return database.dataSource();
    }

    @Bean
    Casebook casebook(DataSource dataSource, Gazetteer gazetteer, Clock clock) {
        // parties and reports filed where the gazetteer puts them too, so a report at a region finds its towns' parties;
        // those filed under another gazetteer (before an import, or before the index) are filed anew before serving
        new PlaceFiling(dataSource, gazetteer, clock).refileIfStale();
        return new JdbcCasebook(dataSource, gazetteer);
    }

    /**
     * The gazetteer reviews place named places with, in the database (see README, "Gazetteer"); a database
     * whose gazetteer is empty gets the extract committed with Forewarn first.
     */
    @Bean
    Gazetteer gazetteer(DataSource dataSource) {
        new GazetteerImport(dataSource).loadExtractIfEmpty();
        // parties are filed where it puts them as they are stored: an import asks of the same towns many times
        return new RememberingGazetteer(new GeoNamesGazetteer(new JdbcPlaceNames(dataSource)), 10_000);
    }

    @Bean
    PolicyVersions policyVersions(DataSource dataSource) {
        return new JdbcPolicyVersions(dataSource);
    }

    @Bean
    PolicyBook policyBook(PolicyVersions versions, Clock clock, ServerSettings settings) {
        Optional<String> given = settings.policy().isBlank() ? Optional.empty() : Optional.of(read(Path.of(settings.policy())));
        return new PolicyBook(versions, clock, given);
    }

    @Bean
    CaseMetrics caseMetrics(DataSource dataSource, Clock clock) {
        return new CaseMetrics(new ObligationCounts(dataSource), clock);
    }

    @Bean
    CaseDesk caseDesk(Casebook casebook, PolicyBook policies, Clock clock, ServerSettings settings,
                      PlatformTransactionManager transactions, ObjectProvider<DutyListener> listeners,
                      ObjectProvider<CaseDesk.Committed> committed, Gazetteer gazetteer, DataSource dataSource) {
        // a warning's times in the zone of its place: the gazetteer's town or division, else a single-zone country
        PlaceZones zones = new GazetteerZones(gazetteer, new JdbcPlaceNames(dataSource)).orElse(new CountryZones());
        return new CaseDesk(casebook, policies, new Sanitizer(settings.zone(), zones), clock, new TransactionTemplate(transactions),
                listeners.orderedStream().toList(), committed.orderedStream().toList(), gazetteer);
    }

    /** The one lease on the clock's decisions, shared by every node on this database. */
    @Bean
    SweepLease sweepLease(DataSource dataSource) {
        return SweepLease.forDatabase(dataSource);
    }

    @Bean
    PublicAlerts publicAlerts(CaseDesk desk, Clock clock, @Value("${forewarn.data-dir:forewarn-data}") String dataDirectory,
                              @Value("${forewarn.cap.sender:forewarn@localhost}") String sender,
                              @Value("${forewarn.cap.sender-name:Forewarn}") String senderName) {
        return new PublicAlerts(desk, () -> CapKeyFiles.loadOrCreate(Path.of(dataDirectory)), clock, sender, senderName);
    }

    @Bean
    JdbcOutbox outbox(DataSource dataSource) {
        return new JdbcOutbox(dataSource);
    }

    @Bean
    JdbcContactBook contactBook(DataSource dataSource) {
        return new JdbcContactBook(dataSource);
    }

    /** The outbox hears every change: a warning issued enqueues its deliveries in the change's own transaction. */
    @Bean
    OutboxListener outboxListener(Outbox outbox, ContactBook contacts, Casebook casebook) {
        return new OutboxListener(outbox, contacts, () -> "dlv_" + UUID.randomUUID(), casebook::warning);
    }

    /** A CAP feed subscriber is delivered by the feed itself. */
    @Bean
    FeedChannel feedChannel() {
        return new FeedChannel();
    }

    @Bean
    DeliveryMetrics deliveryMetrics(Outbox outbox) {
        return new DeliveryMetrics(outbox);
    }

    @Bean
    ChannelRegistry channelRegistry(ObjectProvider<Channel> channels) {
        return new ChannelRegistry(channels.orderedStream().toList());
    }

    /** One circuit breaker per channel this node has, shared by the dispatcher and the metrics below. */
    @Bean
    CircuitBreakerRegistry channelBreakers(ChannelRegistry channels, ServerSettings settings, Clock clock) {
        return DeliveryDispatcher.breakers(settings.delivery(), clock, channels.kinds());
    }

    /**
     * Each channel's breaker state at {@code /actuator/prometheus}, by Resilience4j's own binding:
     * {@code resilience4j_circuitbreaker_state{name=CHANNEL, state="closed"|"open"|"half_open"|…}} is 1 for the
     * state it is in, 0 for the others; with its failure rate and calls beside it.
     */
    @Bean
    TaggedCircuitBreakerMetrics channelBreakerMetrics(CircuitBreakerRegistry channelBreakers) {
        return TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(channelBreakers);
    }

    @Bean
    DeliveryDispatcher deliveryDispatcher(CaseDesk desk, Outbox outbox, ContactBook contacts, ChannelRegistry channels,
                                          PlatformTransactionManager transactions, ServerSettings settings,
                                          DeliveryMetrics metrics, CircuitBreakerRegistry channelBreakers) {
        return new DeliveryDispatcher(desk, outbox, contacts, channels, new TransactionTemplate(transactions),
                settings.delivery(), metrics, channelBreakers, () -> ThreadLocalRandom.current().nextDouble());
    }

    @Bean
    H2CompactionTurns h2CompactionTurns(DataSource dataSource, MeterRegistry meters) {
        return new H2CompactionTurns(dataSource, meters);
    }

    @Bean
    DeadlineScheduler deadlineScheduler(CaseDesk desk, SweepLease lease, ServerSettings settings, MeterRegistry meters,
                                        DataSource dataSource) {
        return new DeadlineScheduler(desk, lease, settings.scheduler(), meters, () -> PlannerStatistics.refreshGrown(dataSource));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the policy file " + file, e);
        }
    }
}
