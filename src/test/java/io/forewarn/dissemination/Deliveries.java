package io.forewarn.dissemination;

import io.forewarn.language.Language;
import io.forewarn.obligation.Warning;
import io.forewarn.party.ContactPoint;
import io.forewarn.store.Fixtures;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test fixture: a venue operator's warning as the sanitizer writes it in English, Russian and Persian, valid for a
 * week from 18 March 2024, 12:00 Moscow time, and deliveries of it.
 */
public final class Deliveries {

    public static final Instant ISSUED = Instant.parse("2024-03-18T09:00:00Z");
    public static final Instant SENT = Instant.parse("2024-03-18T09:05:00Z");
    public static final Instant VALID_UNTIL = Instant.parse("2024-03-25T09:00:00Z");

    public static final Map<Language, String> TEXTS = texts(
            "en", "Security alert: credible threat to life. Targets: concert halls. Area: Krasnogorsk, Moscow Oblast, "
                    + "Russia. Dates: from 18 March 2024 to 24 March 2024. What to do: avoid large gatherings, concerts "
                    + "and shopping centres, and know where the exits are.",
            "ru", "Предупреждение об угрозе безопасности: достоверная угроза жизни. Цели: concert halls. Район: "
                    + "Krasnogorsk, Moscow Oblast, Россия. Даты: с 18 марта 2024 по 24 марта 2024. Что делать: избегайте "
                    + "массовых мероприятий, концертов и торговых центров, знайте, где выходы.",
            "fa", "هشدار امنیتی: تهدید جانی معتبر. اهداف: \u2068concert halls\u2069. منطقه: \u2068Krasnogorsk, Moscow "
                    + "Oblast, روسیه\u2069. اقدامات لازم: از تجمعات بزرگ، کنسرت‌ها و مراکز خرید دوری کنید.");

    private Deliveries() {
    }

    /** The warning, its text in {@link #TEXTS}, with {@code english} as its English text if given. */
    public static Warning warning(String english) {
        Warning base = Fixtures.warning("W-1", "R-1", ISSUED, Fixtures.PLAZA);
        Map<Language, String> translations = new LinkedHashMap<>(TEXTS);
        translations.remove(Language.ENGLISH);
        return new Warning(base.id(), base.reportId(), base.audience(), base.partyIds(), ISSUED,
                new io.forewarn.report.TimeWindow(ISSUED, VALID_UNTIL), base.released(), base.releasedPlace(),
                base.statedWindow(), english, translations, base.specificity(), base.justifications(), base.renews(),
                false);
    }

    public static Warning warning() {
        return warning(TEXTS.get(Language.ENGLISH));
    }

    /** A first delivery of the warning to a party that reads {@code language}. */
    public static Delivery to(ContactPoint contact, String language) {
        return new Delivery("DL-7f3a", Delivery.Kind.ALERT, warning(), "plaza", contact, List.of(Language.of(language)), 1);
    }

    private static Map<Language, String> texts(String... tagsAndTexts) {
        Map<Language, String> texts = new LinkedHashMap<>();
        for (int i = 0; i < tagsAndTexts.length; i += 2) {
            texts.put(Language.of(tagsAndTexts[i]), tagsAndTexts[i + 1]);
        }
        return texts;
    }
}
