package io.forewarn.store;

import io.forewarn.policy.PolicyVersions;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** The policy versions in the {@code policy_version} table, as the text each was loaded from. */
public final class JdbcPolicyVersions implements PolicyVersions {

    private final JdbcClient jdbc;

    public JdbcPolicyVersions(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public List<Stored> all() {
        return jdbc.sql("SELECT version, source, loaded_at FROM policy_version ORDER BY version")
                .query((row, n) -> new Stored(row.getInt("version"), row.getString("source"),
                        row.getObject("loaded_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    @Override
    public void add(Stored version) {
        Integer highest = jdbc.sql("SELECT MAX(version) FROM policy_version").query(Integer.class).optional().orElse(null);
        if (highest != null && version.version() <= highest) {
            throw new IllegalStateException("policy v" + version.version() + " is not above v" + highest
                    + ", the highest stored; versions only grow");
        }
        jdbc.sql("INSERT INTO policy_version (version, source, loaded_at) VALUES (?, ?, ?)")
                .params(version.version(), version.source(), version.loadedAt().atOffset(ZoneOffset.UTC))
                .update();
    }
}
