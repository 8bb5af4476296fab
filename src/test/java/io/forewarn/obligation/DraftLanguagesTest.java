package io.forewarn.obligation;

import io.forewarn.Crocus;
import io.forewarn.language.Language;
import io.forewarn.party.Party;
import io.forewarn.policy.Audience;
import io.forewarn.policy.PolicyFile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A draft holds one text per language its audience's parties need, English first and by default. */
class DraftLanguagesTest {

    private static final Language RUSSIAN = Language.of("ru");
    private static final Language PERSIAN = Language.of("fa");
    private static final Audience PUBLIC = new Audience("public");

    @Test
    void aDraftIsWrittenInEveryLanguageItsPartiesNameAndInEnglish() {
        Party moscow = Crocus.PUBLIC;
        Party russianReaders = new Party.Public("public-moscow", moscow.audience(), moscow.relationship(), moscow.place(),
                false, List.of(RUSSIAN, PERSIAN));
        Desk desk = new Desk(List.of(Crocus.CITIZENS, russianReaders, Crocus.AUTHORITIES, Crocus.VENUE));
        desk.duty.receive(Crocus.R1, "analyst-1");

        DraftRecord draft = desk.duty.draft("R-1", PUBLIC, "analyst-1");

        assertThat(draft.draft().texts().keySet()).containsExactly(Language.ENGLISH, RUSSIAN, PERSIAN);
        assertThat(draft.draft().texts().get(RUSSIAN)).startsWith("Предупреждение об угрозе безопасности: достоверная угроза жизни.")
                .contains("Район: Moscow, Moscow Oblast, Россия.").endsWith("Что делать: избегайте массовых мероприятий, "
                        + "концертов и торговых центров; знайте, где выходы в любом месте, куда вы пришли, и сразу уходите, "
                        + "если что-то кажется не так.");
        assertThat(draft.draft().texts().get(PERSIAN)).startsWith("هشدار امنیتی: تهدید جانی معتبر.")
                .contains("از تجمعات بزرگ، کنسرت‌ها و مراکز خرید دوری کنید");
        assertThat(draft.draft().leak().isBlocked()).isFalse();

        Warning warning = issue(desk, draft);
        assertThat(warning.texts()).isEqualTo(draft.draft().texts());
    }

    @Test
    void aPartyThatNamesNoLanguageIsWarnedInEnglish() {
        // the Crocus scenario's Moscow public reads Russian; the same public naming no language
        Party moscow = Crocus.PUBLIC;
        Party unnamed = new Party.Public("public-moscow", moscow.audience(), moscow.relationship(), moscow.place(), false,
                List.of());
        Desk desk = new Desk(List.of(Crocus.CITIZENS, unnamed, Crocus.AUTHORITIES, Crocus.VENUE));
        desk.duty.receive(Crocus.R1, "analyst-1");

        assertThat(desk.duty.draft("R-1", PUBLIC, "analyst-1").draft().texts().keySet()).containsExactly(Language.ENGLISH);
    }

    @Test
    void thePolicyCanNameAnAudiencesLanguages() {
        var policy = PolicyFile.parse("p.yaml", PolicyFile.defaultSource() + "\nlanguages:\n  public: [ru]\n");
        Desk desk = new Desk(policy, Crocus.PARTIES);
        desk.duty.receive(Crocus.R1, "analyst-1");

        assertThat(desk.duty.draft("R-1", PUBLIC, "analyst-1").draft().texts().keySet())
                .containsExactly(Language.ENGLISH, RUSSIAN);
        assertThat(policy.languages(new Audience("own-citizens"))).isEmpty();
    }

    private static Warning issue(Desk desk, DraftRecord draft) {
        desk.duty.approve(draft.id(), "approver-1", io.forewarn.policy.Role.APPROVER);
        return desk.duty.issue(draft.id(), "approver-1");
    }
}
