package io.forewarn.obligation;

import io.forewarn.policy.Audience;
import io.forewarn.policy.Role;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static io.forewarn.Crocus.R1_UNMARKED;
import static org.assertj.core.api.Assertions.assertThat;

class DutyEventsTest {

    private static final Audience FOREIGN_GOVERNMENT = new Audience("foreign-government");

    @Test
    void everyKindOfEventIsOneRecordAndEveryRecordOneKind() {
        List<String> records = Arrays.stream(DutyEvent.class.getPermittedSubclasses())
                .map(type -> type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT))
                .sorted()
                .toList();

        assertThat(records).containsExactlyElementsOf(Arrays.stream(EventType.values()).map(Enum::name).sorted().toList());
    }

    @Test
    void listenersHearEveryEventInTheOrderOfTheTimelineWithItsTimelineEntry() {
        Desk desk = Desk.crocus();
        desk.duty.receive(R1_UNMARKED, "analyst-1");
        DraftRecord draft = desk.duty.draft("R-1", FOREIGN_GOVERNMENT, "analyst-1");
        desk.duty.approve(draft.id(), "approver-1", Role.APPROVER);
        desk.duty.issue(draft.id(), "approver-1");

        assertThat(desk.heard).extracting(DutyEvent::entry).containsExactlyElementsOf(desk.casebook.events());
        assertThat(desk.heard).extracting(DutyEvent::type).containsExactly(EventType.REPORT_RECEIVED,
                EventType.OBLIGATION_OPENED, EventType.OBLIGATION_OPENED, EventType.OBLIGATION_OPENED,
                EventType.OBLIGATION_OPENED, EventType.WARNING_DRAFTED, EventType.DRAFT_APPROVED, EventType.WARNING_ISSUED);
    }

    @Test
    void anIssuedWarningIsHeardWithTheWarningAndTheObligationsItMovedToIssued() {
        Desk desk = Desk.crocus();
        desk.duty.receive(R1_UNMARKED, "analyst-1");
        DraftRecord draft = desk.duty.draft("R-1", FOREIGN_GOVERNMENT, "analyst-1");
        desk.duty.approve(draft.id(), "approver-1", Role.APPROVER);
        Warning warning = desk.duty.issue(draft.id(), "approver-1");

        DutyEvent.WarningIssued issued = (DutyEvent.WarningIssued) desk.heard.get(desk.heard.size() - 1);

        assertThat(issued.warning()).isEqualTo(warning);
        assertThat(issued.subject()).isEqualTo(warning.id());
        assertThat(issued.actor()).isEqualTo("approver-1");
        assertThat(issued.obligations()).singleElement().satisfies(obligation -> {
            assertThat(obligation.id()).isEqualTo("R-1/ru-authorities");
            assertThat(obligation.state()).isEqualTo(ObligationState.ISSUED);
            assertThat(obligation).isEqualTo(desk.obligation("R-1/ru-authorities"));
        });
    }
}
