package io.forewarn.web.security;

import io.forewarn.server.ServerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Follows the settings file's {@code forewarn.users} while the server runs, the way Elasticsearch's file
 * realm follows its users file: every {@code forewarn.logins.reload-interval} the file is read, and when
 * its bytes changed its logins are put in force. A login whose hash or roles changed, or that was
 * removed, stops working at once: its cached passwords are forgotten and its tokens refused. A file that
 * cannot be read or holds a bad login changes nothing and is logged (without its content).
 */
final class LoginsFile implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(LoginsFile.class);

    private final Optional<Path> followed;
    private final Logins logins;
    private final Duration interval;
    private byte[] seen = new byte[0];
    private ScheduledExecutorService executor;

    /** Follows {@code followed}, if given; without a file there is nothing to follow. */
    LoginsFile(Optional<Path> followed, Logins logins, Duration interval) {
        this.followed = followed;
        this.logins = logins;
        this.interval = interval;
    }

    /** One turn: reads the file and, if it changed since the last turn, puts its logins in force. Never throws. */
    synchronized void check() {
        if (followed.isEmpty()) {
            return;
        }
        Path file = followed.get();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException gone) {
            return; // being replaced, or removed: the logins stay as they are
        } catch (IOException unreadable) {
            LOG.warn("logins: cannot read {}; the logins stay as they were ({})", file, unreadable.getClass().getSimpleName());
            return;
        }
        byte[] digest = sha256(bytes);
        if (Arrays.equals(digest, seen)) {
            return;
        }
        seen = digest;
        try {
            Optional<List<ServerSettings.User>> users = users(file);
            if (users.isEmpty()) {
                return;
            }
            Set<String> changed = new TreeSet<>(logins.replace(users.get()));
            if (!changed.isEmpty()) {
                LOG.info("logins: {} read again: {} logins, changed: {}", file, users.get().size(), String.join(", ", changed));
            }
        } catch (RuntimeException bad) {
            // the message names the rule broken, never a hash; a YAML error could quote the file, so not its message
            String problem = bad instanceof IllegalArgumentException ? bad.getMessage() : "not a settings file of logins";
            LOG.warn("logins: {} changed but was not put in force, the logins stay as they were: {}", file, problem);
        }
    }

    private static Optional<List<ServerSettings.User>> users(Path file) {
        List<PropertySource<?>> sources;
        try {
            sources = new YamlPropertySourceLoader().load(file.toString(), new FileSystemResource(file));
        } catch (IOException e) {
            throw new IllegalStateException(e.getClass().getSimpleName());
        }
        return new Binder(ConfigurationPropertySources.from(sources))
                .bind("forewarn.users", Bindable.listOf(ServerSettings.User.class))
                .map(List::copyOf)
                .map(Optional::of)
                .orElse(Optional.empty());
    }

    @Override
    public synchronized void start() {
        if (executor != null || followed.isEmpty()) {
            return;
        }
        check();
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "forewarn-logins-file");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(1, interval.toMillis());
        executor.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = executor;
            executor = null;
        }
        if (running != null) {
            running.shutdownNow();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
