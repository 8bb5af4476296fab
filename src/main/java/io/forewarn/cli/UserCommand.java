package io.forewarn.cli;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** {@code forewarn user hash}: the bcrypt hash of a password, for {@code forewarn.users} in the server's settings. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage server logins.",
        subcommands = UserCommand.Hash.class)
final class UserCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "hash", mixinStandardHelpOptions = true,
            description = "Read a password from standard input (first line) and print its bcrypt hash.")
    static final class Hash implements Runnable {

        /** Short passwords are refused: they protect access to protected material. */
        static final int MIN_LENGTH = 12;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            String password;
            try {
                password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the password from standard input");
            }
            if (password == null || password.length() < MIN_LENGTH) {
                throw new IllegalArgumentException("give a password of at least " + MIN_LENGTH + " characters on standard input");
            }
            spec.commandLine().getOut().println(new BCryptPasswordEncoder().encode(password));
            spec.commandLine().getOut().flush();
        }
    }
}
