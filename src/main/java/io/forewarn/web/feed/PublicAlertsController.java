package io.forewarn.web.feed;

import io.forewarn.dissemination.cap.CapAlert;
import io.forewarn.dissemination.cap.CapFeed;
import io.forewarn.server.PublicAlerts;
import io.forewarn.web.problem.NotFound;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.HtmlUtils;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The public alerts, without a login, in the forms alerting systems read: each public warning's signed CAP 1.2
 * document ({@code /cap/{id}.xml}), the Atom feed of those in force ({@code /feeds/warnings.atom}) and a plain
 * advisory page per warning ({@code /advisories/{id}}). Each answer carries an entity tag and may be cached for
 * a minute, so a feed polled often costs a 304. These are documents of their own standards, not the REST API,
 * so they are not in the OpenAPI document.
 */
@Hidden
@RestController
class PublicAlertsController {

    static final MediaType CAP = MediaType.parseMediaType("application/cap+xml");
    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml");
    private static final CacheControl ONE_MINUTE = CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic();

    private final PublicAlerts alerts;
    private final Clock clock;

    PublicAlertsController(PublicAlerts alerts, Clock clock) {
        this.alerts = alerts;
        this.clock = clock;
    }

    @GetMapping("/cap/{id}.xml")
    ResponseEntity<byte[]> capDocument(@PathVariable String id, WebRequest request) {
        PublicAlerts.Signed signed = alerts.alert(id).orElseThrow(() -> new NotFound("no public alert " + id));
        if (request.checkNotModified(signed.etag())) {
            return null; // 304, headers written by checkNotModified
        }
        return ResponseEntity.ok().contentType(CAP).cacheControl(ONE_MINUTE).eTag(signed.etag()).body(signed.document());
    }

    @GetMapping("/feeds/warnings.atom")
    ResponseEntity<byte[]> feed(WebRequest request) {
        List<CapFeed.Entry> entries = alerts.inForce().stream()
                .map(signed -> new CapFeed.Entry(signed.alert(), link("/cap/" + signed.documentId() + ".xml"),
                        link("/advisories/" + signed.documentId())))
                .toList();
        byte[] feed = CapFeed.write(link("/feeds/warnings.atom"), alerts.senderName() + ": warnings in force",
                alerts.senderName(), entries, OffsetDateTime.now(clock));
        String etag = PublicAlerts.etag(feed);
        if (request.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok().contentType(ATOM).cacheControl(ONE_MINUTE).eTag(etag).body(feed);
    }

    @GetMapping(value = "/advisories/{id}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> advisory(@PathVariable String id, WebRequest request) {
        PublicAlerts.Signed signed = alerts.alert(id).orElseThrow(() -> new NotFound("no public advisory " + id));
        if (request.checkNotModified(signed.etag())) {
            return null;
        }
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).cacheControl(ONE_MINUTE)
                .eTag(signed.etag()).body(page(signed));
    }

    /** A plain page anyone can read: every value escaped, nothing but what the alert says. */
    private String page(PublicAlerts.Signed signed) {
        CapAlert.Info info = signed.alert().infos().get(0);
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(escape(info.language()))
                .append("\">\n<head><meta charset=\"utf-8\"><title>").append(escape(info.headline().orElse(info.event())))
                .append("</title></head>\n<body>\n<main>\n<h1>").append(escape(info.headline().orElse(info.event()))).append("</h1>\n");
        info.description().ifPresent(text -> html.append("<p>").append(escape(text)).append("</p>\n"));
        info.instruction().ifPresent(text -> html.append("<p><strong>What to do:</strong> ").append(escape(text)).append("</p>\n"));
        html.append("<dl>\n");
        info.areas().forEach(area -> html.append("<dt>Area</dt><dd>").append(escape(area.description())).append("</dd>\n"));
        info.effective().ifPresent(time -> html.append("<dt>From</dt><dd>").append(escape(time.toString())).append("</dd>\n"));
        info.expires().ifPresent(time -> html.append("<dt>Until</dt><dd>").append(escape(time.toString())).append("</dd>\n"));
        html.append("<dt>Issued by</dt><dd>").append(escape(alerts.senderName())).append("</dd>\n</dl>\n");
        html.append("<p><a href=\"/cap/").append(escape(signed.documentId())).append(".xml\" type=\"application/cap+xml\">")
                .append("This alert as CAP 1.2 (signed)</a></p>\n</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static URI link(String path) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).build().toUri();
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
    }

}
