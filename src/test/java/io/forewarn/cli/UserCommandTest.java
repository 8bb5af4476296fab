package io.forewarn.cli;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.yaml.snakeyaml.Yaml;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code forewarn user hash}: a bcrypt hash, or with --name and --role a settings file with that login. */
class UserCommandTest {

    private static final String PASSWORD = "correct horse battery staple";
    @Test
    void aPasswordGivesItsHashOnOneLine() {
        Cli.Result hashed = hash(PASSWORD + "\n");

        assertThat(hashed.exit()).as(hashed.all()).isZero();
        assertThat(hashed.out()).matches("\\$2a\\$10\\$\\S{53}\n");
        assertThat(new BCryptPasswordEncoder().matches(PASSWORD, hashed.out().strip())).isTrue();
    }

    @Test
    void aNameAndRolesGiveASettingsFileWithThatLogin() {
        Cli.Result settings = hash(PASSWORD + "\n", "--name", "ann", "--role", "analyst", "--role", "Approver");

        assertThat(settings.exit()).as(settings.all()).isZero();
        Map<String, Object> read = new Yaml().load(settings.out());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> users = (List<Map<String, Object>>) ((Map<String, Object>) read.get("forewarn")).get("users");
        assertThat(users).hasSize(1);
        assertThat(users.get(0)).containsEntry("name", "ann").containsEntry("roles", List.of("analyst", "approver"));
        assertThat(new BCryptPasswordEncoder().matches(PASSWORD, (String) users.get(0).get("password-hash"))).isTrue();
        assertThat(settings.out()).doesNotContain(PASSWORD);
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        assertRefused(hash(PASSWORD + "\n", "--name", "ann"),
                "forewarn: --name and --role go together: a login needs a name and at least one role\n");
        assertRefused(hash(PASSWORD + "\n", "--name", "ann: [x]", "--role", "analyst"),
                "forewarn: a login name is 1 to 64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit\n");
        assertRefused(hash(PASSWORD + "\n", "--name", "ann", "--role", "boss"),
                "forewarn: unknown role 'boss'; expected one of: analyst, approver, director, liaison, oversight, partner\n");
        assertRefused(hash("too short\n"), "forewarn: give a password of at least 12 characters on standard input\n");
    }

    private static void assertRefused(Cli.Result result, String line) {
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo(line);
    }

    private static Cli.Result hash(String input, String... options) {
        return Cli.runWithInput(input, Stream.concat(Stream.of("user", "hash"), Stream.of(options)).toArray());
    }
}
