package io.forewarn.bench;

import io.forewarn.server.ForewarnServer;
import io.forewarn.store.DatabaseSettings;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.StartupStep;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.util.FileSystemUtils;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the start of {@code forewarn serve} goes (docs/benchmarks.md, "Start-up"): one start on an embedded H2
 * file in a fresh directory, as {@code serve} does it ({@link ForewarnServer#start}), with Spring's startup steps
 * recorded ({@link BufferingApplicationStartup}), then the first {@code /actuator/health}. Prints the phases from
 * the JVM's start, and the longest steps: configuration classes, the web server, the beans that took longest to
 * make (with what they made in turn). Run it in a JVM of its own, e.g. with the wrapper's extracted jar and its
 * class data sharing archive:
 *
 * <pre>java -XX:SharedArchiveFile=target/forewarn-app/forewarn.jsa -cp target/forewarn-app/forewarn.jar:target/test-classes io.forewarn.bench.ServeStartup</pre>
 */
public final class ServeStartup {

    private ServeStartup() {
    }

    public static void main(String[] args) throws Exception {
        long main = System.currentTimeMillis();
        long jvm = ManagementFactory.getRuntimeMXBean().getStartTime();
        Path data = Files.createTempDirectory("forewarn-startup-");
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("server.port", 0);
        settings.put("forewarn.data-dir", data.toString());
        settings.put("FOREWARN_DB_URL", DatabaseSettings.embedded(data).url());
        settings.put("forewarn.users[0].name", "bench");
        settings.put("forewarn.users[0].password-hash", new BCryptPasswordEncoder(4).encode("a passphrase for the benchmark"));
        settings.put("forewarn.users[0].roles[0]", "oversight");
        BufferingApplicationStartup startup = new BufferingApplicationStartup(100_000);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> FileSystemUtils.deleteRecursively(data.toFile())));
        ConfigurableApplicationContext server = ForewarnServer.start(settings, startup);
        long started = System.currentTimeMillis();
        int port = ((WebServerApplicationContext) server).getWebServer().getPort();
        HttpResponse<Void> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.discarding());
        long healthy = System.currentTimeMillis();

        StartupTimeline timeline = startup.getBufferedTimeline();
        long environment = end(timeline, "spring.boot.application.environment-prepared");
        long prepared = start(timeline, "spring.boot.application.context-prepared");
        long refreshed = end(timeline, "spring.context.refresh");
        System.out.printf("JVM start to main                  %6d ms%n", main - jvm);
        System.out.printf("main to environment prepared       %6d ms (the command line, then the settings: application.yaml, "
                + "environment, --config)%n", environment - main);
        System.out.printf("environment to context prepared    %6d ms (BeforeStart: logins checked, the database's opening "
                + "started)%n", prepared - environment);
        System.out.printf("context prepared to refreshed      %6d ms (configuration, database awaited, web server, beans)%n",
                refreshed - prepared);
        System.out.printf("refreshed to started               %6d ms (lifecycle: the connector, head publisher, scheduler)%n",
                started - refreshed);
        System.out.printf("first /actuator/health (%d)        %6d ms%n", health.statusCode(), healthy - started);
        System.out.printf("JVM start to healthy              %6d ms%n", healthy - jvm);
        // CPU time does not depend on what else the machine runs: on an idle machine the start takes about the
        // main thread's, and the process's (compilers and GC included) divided by the cores is its floor.
        long mainCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
        long processCpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
        System.out.printf("CPU: main thread %d ms, process %d ms (%d cores)%n%n", mainCpu, processCpu,
                Runtime.getRuntime().availableProcessors());

        List<StartupTimeline.TimelineEvent> steps = new ArrayList<>(timeline.getEvents());
        steps.sort(Comparator.comparing(StartupTimeline.TimelineEvent::getDuration).reversed());
        System.out.println("longest startup steps (a step's time includes the steps it started):");
        steps.stream().limit(args.length > 0 ? Integer.parseInt(args[0]) : 30).forEach(step ->
                System.out.printf("  %6d ms  %s%n", step.getDuration().toMillis(), describe(step.getStartupStep())));
        server.close();
    }

    private static long start(StartupTimeline timeline, String step) {
        return find(timeline, step).getStartTime().toEpochMilli();
    }

    private static long end(StartupTimeline timeline, String step) {
        return find(timeline, step).getEndTime().toEpochMilli();
    }

    private static StartupTimeline.TimelineEvent find(StartupTimeline timeline, String step) {
        return timeline.getEvents().stream().filter(event -> event.getStartupStep().getName().equals(step)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no startup step " + step));
    }

    private static String describe(StartupStep step) {
        StringBuilder text = new StringBuilder(step.getName());
        step.getTags().forEach(tag -> {
            if (tag.getKey().equals("beanName")) {
                text.append(' ').append(tag.getValue());
            }
        });
        return text.toString();
    }
}
