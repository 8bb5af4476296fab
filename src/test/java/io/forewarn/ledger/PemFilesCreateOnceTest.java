package io.forewarn.ledger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PemFilesCreateOnceTest {

    @TempDir
    Path directory;

    @Test
    void aKeyIsMadeOnceAndItsFilesAreLeftAloneAfter() throws Exception {
        Path file = directory.resolve("data").resolve("some.key");
        AtomicInteger made = new AtomicInteger();
        PemFiles.KeyWriter writer = () -> {
            made.incrementAndGet();
            PemFiles.writeNew(file, "key " + made.get() + "\n", true);
        };

        assertThat(PemFiles.createOnce(file.getParent(), "some.lock", List.of(file), "the key", writer)).isTrue();
        assertThat(PemFiles.createOnce(file.getParent(), "some.lock", List.of(file), "the key", writer)).isFalse();

        assertThat(made).hasValue(1);
        assertThat(Files.readString(file, StandardCharsets.US_ASCII)).isEqualTo("key 1\n");
        assertThat(Files.getPosixFilePermissions(file)).extracting(Object::toString)
                .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
    }

    @Test
    void callersStartingTogetherMakeOneKey() throws Exception {
        Path file = directory.resolve("together.key");
        AtomicInteger made = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> PemFiles.createOnce(directory, "together.lock", List.of(file), "the key", () -> {
                    made.incrementAndGet();
                    PemFiles.writeNew(file, "key\n", true);
                }));
            }
            long creators = 0;
            for (Future<Boolean> call : pool.invokeAll(calls)) {
                creators += call.get() ? 1 : 0;
            }
            assertThat(creators).isEqualTo(1);
            assertThat(made).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aKeyThatCannotBeWrittenIsNamedInTheError() throws Exception {
        Path blocked = directory.resolve("not-a-directory");
        Files.writeString(blocked, "a file where the data directory should be");

        assertThatThrownBy(() -> PemFiles.createOnce(blocked, "x.lock", List.of(blocked.resolve("x.key")), "the test key",
                () -> { }))
                .hasMessageStartingWith("cannot create the test key in " + blocked);
    }
}
