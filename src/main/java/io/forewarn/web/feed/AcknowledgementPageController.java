package io.forewarn.web.feed;

import io.forewarn.dissemination.AcknowledgementLinks;
import io.forewarn.language.Language;
import io.forewarn.language.Phrasebook;
import io.forewarn.server.Acknowledgements;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The pages of an emailed warning's acknowledgement link, without a login. Following the link ({@code GET}) only
 * asks: mail scanners and link previews fetch every link in a message, and must not acknowledge a warning nobody
 * read. The reader's button ({@code POST}) records it, once; opened again afterwards, the link says it was used. A forged link (403), an expired one (410), one used
 * before (410) or one whose warning was acknowledged another way (409) gets a page that says so and changes nothing.
 * The pages are in the language the mail was, show nothing of the warning or the party, and are neither cached nor
 * framed, nor give their address away as a referrer.
 */
@Hidden
@RestController
class AcknowledgementPageController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final AcknowledgementLinks links;
    private final Acknowledgements acknowledgements;

    AcknowledgementPageController(AcknowledgementLinks links, Acknowledgements acknowledgements) {
        this.links = links;
        this.acknowledgements = acknowledgements;
    }

    @GetMapping(value = AcknowledgementLinks.PATH + "{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> ask(@PathVariable String token) {
        AcknowledgementLinks.Reading reading = links.read(token);
        if (reading instanceof AcknowledgementLinks.Reading.Good good) {
            Phrasebook book = Phrasebook.of(good.language());
            // withdrawn first: whoever comes back to an old email must learn that, whatever they did before
            if (acknowledgements.delivery(good.deliveryId()).filter(acknowledgements::warningWithdrawn).isPresent()) {
                return page(HttpStatus.GONE, book, book.say("ack-withdrawn",
                        Map.of("delivery", book.isolate(good.deliveryId()))), "");
            }
            if (acknowledgements.linkUsed(good.deliveryId())) {
                return page(HttpStatus.GONE, book, book.say("ack-used", Map.of()), "");
            }
            String question = book.say("ack-question", Map.of("delivery", book.isolate(good.deliveryId())));
            String form = "<form method=\"post\" action=\"" + escape(AcknowledgementLinks.PATH + token) + "\">"
                    + "<button type=\"submit\">" + escape(book.say("ack-button", Map.of())) + "</button></form>\n";
            return page(HttpStatus.OK, book, question, form);
        }
        return refused(reading);
    }

    @PostMapping(value = AcknowledgementLinks.PATH + "{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> confirm(@PathVariable String token) {
        AcknowledgementLinks.Reading reading = links.read(token);
        if (!(reading instanceof AcknowledgementLinks.Reading.Good good)) {
            return refused(reading);
        }
        Phrasebook book = Phrasebook.of(good.language());
        Map<String, Object> delivery = Map.of("delivery", book.isolate(good.deliveryId()));
        return switch (acknowledgements.byLink(good.deliveryId())) {
            case RECORDED -> page(HttpStatus.OK, book, book.say("ack-recorded", delivery), "");
            case USED -> page(HttpStatus.GONE, book, book.say("ack-used", delivery), "");
            case ALREADY -> page(HttpStatus.CONFLICT, book, book.say("ack-already", delivery), "");
            case WITHDRAWN -> page(HttpStatus.GONE, book, book.say("ack-withdrawn", delivery), "");
            case UNKNOWN -> page(HttpStatus.NOT_FOUND, Phrasebook.of(Language.ENGLISH),
                    "This link names a delivery this server has no record of, so it cannot confirm anything.", "");
        };
    }

    private static ResponseEntity<String> refused(AcknowledgementLinks.Reading reading) {
        if (reading instanceof AcknowledgementLinks.Reading.Expired expired) {
            Phrasebook book = Phrasebook.of(expired.language());
            return page(HttpStatus.GONE, book, book.say("ack-expired", Map.of()), "");
        }
        if (reading instanceof AcknowledgementLinks.Reading.Malformed) {
            return page(HttpStatus.BAD_REQUEST, Phrasebook.of(Language.ENGLISH), "This is not a link this server makes: "
                    + "part of it may be missing. Copy the whole link from the message and try again.", "");
        }
        // a forged link names nothing trustworthy, not even its language
        return page(HttpStatus.FORBIDDEN, Phrasebook.of(Language.ENGLISH), "This link was not made by this server, "
                + "or it has been changed, so it cannot confirm anything.", "");
    }

    private static ResponseEntity<String> page(HttpStatus status, Phrasebook book, String sentence, String form) {
        String dir = book.direction() == Phrasebook.Direction.RTL ? "rtl" : "ltr";
        String html = "<!DOCTYPE html>\n<html lang=\"" + escape(book.language().tag()) + "\" dir=\"" + dir + "\">\n"
                + "<head><meta charset=\"utf-8\"><meta name=\"robots\" content=\"noindex\"><title>" + escape(sentence)
                + "</title></head>\n<body>\n<main>\n<p>" + escape(sentence) + "</p>\n" + form + "</main>\n</body>\n</html>\n";
        return ResponseEntity.status(status).contentType(HTML).cacheControl(CacheControl.noStore())
                // nothing to load, no frame to be put in, the form posts back here only, and the link's token is not
                // handed to anywhere else as a referrer
                .header("Content-Security-Policy", "default-src 'none'; form-action 'self'; frame-ancestors 'none'; "
                        + "base-uri 'none'")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "noindex")
                .body(html);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
    }
}
