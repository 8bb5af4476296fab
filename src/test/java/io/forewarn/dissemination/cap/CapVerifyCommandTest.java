package io.forewarn.dissemination.cap;

import io.forewarn.dissemination.Delivery;
import io.forewarn.cli.ForewarnCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code forewarn cap verify}: 0 for a signed alert, 1 when one byte changed, 2 with one line when the file is missing. */
class CapVerifyCommandTest {

    @TempDir
    Path directory;

    @Test
    void aSignedAlertVerifiesAndAChangedByteDoesNot() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair key = generator.generateKeyPair();
        Path publicKey = Files.writeString(directory.resolve("cap.pub"), "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        byte[] signed = CapSignature.signed(CapAlertsTest.alert(CapAlertsTest.publicWarning(), Delivery.Kind.ALERT, List.of()), key);
        Path alert = Files.write(directory.resolve("W-1.xml"), signed);
        String text = new String(signed, StandardCharsets.UTF_8);
        Path changed = Files.writeString(directory.resolve("W-1-changed.xml"), text.replaceFirst("Moscow", "Moskva"));

        Run good = run("cap", "verify", alert.toString(), "--key", publicKey.toString());
        Run bad = run("cap", "verify", changed.toString(), "--key", publicKey.toString());
        Run untrusted = run("cap", "verify", alert.toString());
        Run missing = run("cap", "verify", directory.resolve("nothing.xml").toString());

        assertThat(good.exit()).isZero();
        assertThat(good.out()).startsWith("verified: CAP 1.2 Alert W-1 from alerts@agency.example, sent 2024-03-07T19:00Z, signed by sha256:")
                .doesNotContain("(the key in the alert");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.out().strip()).isEqualTo("NOT VERIFIED: " + changed + ": the signature does not verify: the alert was "
                + "changed after it was signed");
        assertThat(untrusted.exit()).isZero();
        assertThat(untrusted.out()).contains("(the key in the alert: it proves the alert unchanged, not who signed it)");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err().strip()).startsWith("forewarn: cannot read ").doesNotContain("\n");
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... arguments) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = ForewarnCommand.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        int exit = command.execute(arguments);
        return new Run(exit, out.toString(), err.toString());
    }
}
