package io.forewarn.web.security;

import io.forewarn.policy.Role;
import io.forewarn.server.ServerSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Following the settings file: a changed file puts its logins in force and names the logins that changed;
 * an unchanged file changes nothing; a bad login or broken YAML leaves the logins as they were, with a
 * warning that quotes nothing of the file.
 */
@ExtendWith(OutputCaptureExtension.class)
class LoginsFileTest {

    private static final String ANN_HASH = "$2a$04$abcdefghijklmnopqrstuuOLDHASHOFANNxxxxxxxxxxxxxxxxxxxxx";
    private static final String NEW_HASH = "$2a$04$abcdefghijklmnopqrstuuNEWHASHOFANNxxxxxxxxxxxxxxxxxxxxx";

    @TempDir
    Path directory;

    @Test
    void aChangedFileIsPutInForceAndABadOneIsNot(CapturedOutput output) throws IOException {
        Path file = directory.resolve("settings.yaml");
        Logins logins = new Logins(List.of(new ServerSettings.User("ann", ANN_HASH, List.of("analyst"))));
        List<String> announced = new ArrayList<>();
        logins.onChange(announced::add);
        LoginsFile followed = new LoginsFile(Optional.of(file), logins, Duration.ofSeconds(1));

        write(file, "ann", NEW_HASH, "analyst", "bob", ANN_HASH, "oversight");
        followed.check();
        assertThat(logins.find("ann")).contains(new Login("ann", NEW_HASH, Set.of(Role.ANALYST)));
        assertThat(logins.find("bob")).contains(new Login("bob", ANN_HASH, Set.of(Role.OVERSIGHT)));
        assertThat(announced).containsExactlyInAnyOrder("ann", "bob");
        assertThat(output.getAll()).contains("changed: ann, bob");

        followed.check();
        assertThat(announced).as("the same file again").hasSize(2);

        Files.writeString(file, "forewarn:\n  users:\n    - name: ann\n      password-hash: \"" + ANN_HASH + "\"\n"
                + "    - name: carol\n      roles: [analyst]\n");
        followed.check();
        Files.writeString(file, "forewarn: [users: {name: " + ANN_HASH + "\n");
        followed.check();
        write(file, "ann", NEW_HASH, "analyst", "bob", ANN_HASH, "no-such-role");
        followed.check();

        assertThat(logins.find("ann")).contains(new Login("ann", NEW_HASH, Set.of(Role.ANALYST)));
        assertThat(logins.find("carol")).isEmpty();
        assertThat(announced).hasSize(2);
        String warnings = String.join("\n", output.getAll().lines().filter(line -> line.contains("WARN")).toList());
        assertThat(warnings).contains("changed but was not put in force, the logins stay as they were: forewarn.users: every user "
                + "needs a name and a bcrypt password-hash");
        assertThat(warnings).contains("the logins stay as they were: not a settings file of logins");
        assertThat(warnings).contains("the logins stay as they were: unknown role 'no-such-role'");
        assertThat(output.getAll()).doesNotContain(ANN_HASH).doesNotContain(NEW_HASH);
    }

    private static void write(Path file, String name, String hash, String role, String other, String otherHash,
                              String otherRole) throws IOException {
        Files.writeString(file, "forewarn:\n  timezone: UTC\n  users:\n"
                + "    - name: " + name + "\n      password-hash: \"" + hash + "\"\n      roles: [" + role + "]\n"
                + "    - name: " + other + "\n      password-hash: \"" + otherHash + "\"\n      roles: [" + otherRole + "]\n");
    }
}
