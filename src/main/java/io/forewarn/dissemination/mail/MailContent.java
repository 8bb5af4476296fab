package io.forewarn.dissemination.mail;

import io.forewarn.language.Language;
import io.forewarn.language.Phrasebook;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * One email, written once as a sequence of blocks and rendered twice: as plain text and as HTML. The two parts of
 * a message cannot drift apart, since neither is written by hand; the HTML escapes every value, so a warning's text
 * or a place name can never become markup.
 *
 * @param direction the script's direction; the HTML part states it, so a Persian mail reads right to left
 */
public record MailContent(Language language, Phrasebook.Direction direction, String subject, List<Block> blocks) {

    public MailContent {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(subject, "subject");
        blocks = List.copyOf(blocks);
    }

    /** One piece of a mail. */
    public sealed interface Block {
    }

    /** The title at the top. */
    public record Heading(String text) implements Block {
    }

    /** A paragraph of text. */
    public record Paragraph(String text) implements Block {
    }

    /** A link, with the words that say where it goes. */
    public record Link(String label, URI target) implements Block {
    }

    /** The plain-text part: a heading underlined, paragraphs apart, a link as its label and its address. */
    public String plainText() {
        StringBuilder text = new StringBuilder();
        for (Block block : blocks) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            if (block instanceof Heading heading) {
                text.append(heading.text()).append('\n')
                        .append("=".repeat(heading.text().codePointCount(0, heading.text().length()))).append('\n');
            } else if (block instanceof Paragraph paragraph) {
                text.append(paragraph.text()).append('\n');
            } else if (block instanceof Link link) {
                text.append(link.label()).append(":\n").append(link.target()).append('\n');
            }
        }
        return text.toString();
    }

    /** The HTML part: the same blocks, every value escaped, in the language and direction of the text. */
    public String html() {
        String dir = direction == Phrasebook.Direction.RTL ? "rtl" : "ltr";
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(escape(language.tag()))
                .append("\" dir=\"").append(dir).append("\">\n<head><meta charset=\"utf-8\"><title>")
                .append(escape(subject)).append("</title></head>\n<body>\n");
        for (Block block : blocks) {
            if (block instanceof Heading heading) {
                html.append("<h1>").append(escape(heading.text())).append("</h1>\n");
            } else if (block instanceof Paragraph paragraph) {
                html.append("<p>").append(escape(paragraph.text())).append("</p>\n");
            } else if (block instanceof Link link) {
                html.append("<p><a href=\"").append(escape(link.target().toString())).append("\">")
                        .append(escape(link.label())).append("</a></p>\n");
            }
        }
        return html.append("</body>\n</html>\n").toString();
    }

    /** Text as HTML character data or an attribute's value. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.appendCodePoint(c);
            }
        });
        return escaped.toString();
    }
}
