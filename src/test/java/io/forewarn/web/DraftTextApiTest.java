package io.forewarn.web;

import io.forewarn.server.ForewarnServer;
import io.forewarn.web.Http.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through the API: a party names its languages (read back in the shape it was written), the draft to its
 * audience holds a text per language, and an analyst edits a draft's wording before approval: scored again,
 * refused when it leaks (without echoing what leaked), refused once approved, and on the timeline and in the
 * ledger with its author.
 */
@SpringBootTest(classes = {ForewarnServer.class, ServerUnderTest.QuickPasswords.class}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DraftTextApiTest {

    private static final String RUSSIAN_READERS = """
            {"id": "public-moscow", "kind": "public", "audience": "public",
             "area": {"locality": "Moscow", "region": "Moscow Oblast", "country": "RU"}, "languages": ["ru"]}""";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ServerUnderTest.properties(registry);
    }

    @Test
    void anAnalystEditsADraftInEachOfItsLanguagesUntilItIsApproved() {
        assertThat(call("analyst", "POST", "/api/v1/parties", RUSSIAN_READERS).status()).isEqualTo(201);
        JsonNode party = call("oversight", "GET", "/api/v1/parties/public-moscow", null).json();
        assertThat(party.path("languages").valueStream().map(JsonNode::asString)).containsExactly("ru");
        assertThat(call("analyst", "PUT", "/api/v1/parties/public-moscow", party.toString()).json()).isEqualTo(party);
        assertThat(call("analyst", "POST", "/api/v1/reports", Reports.crocus("R-1")).status()).isEqualTo(201);

        JsonNode draft = call("analyst", "POST", "/api/v1/reports/R-1/drafts", "{\"audience\": \"public\"}").json();
        String id = draft.path("id").asString();
        assertThat(draft.path("texts").propertyNames()).containsExactly("en", "ru");
        assertThat(draft.path("texts").path("ru").asString()).startsWith("Предупреждение об угрозе безопасности")
                .contains("Цели: concert halls.");
        double specificity = draft.path("specificity").asDouble();

        // the edit drops the target class: the target is scored at category, a gap that needs a justification
        Reply vaguer = call("analyst", "PUT", "/api/v1/drafts/" + id + "/text", """
                {"text": "Security alert: a credible threat of an attack on mass gatherings in Moscow by a terrorist group."}""");
        assertThat(vaguer.status()).as("%s", vaguer.body()).isEqualTo(200);
        assertThat(vaguer.json().path("text").asString()).startsWith("Security alert: a credible threat of an attack");
        assertThat(vaguer.json().path("released").path("target").asString()).isEqualTo("category");
        assertThat(vaguer.json().path("specificity").asDouble()).isLessThan(specificity);
        assertThat(vaguer.json().path("obstacles").valueStream().map(JsonNode::asString))
                .contains("target is released at category, below the ceiling class, without a justification");

        Reply justified = call("analyst", "PUT", "/api/v1/drafts/" + id + "/text", """
                {"text": "Security alert: a credible threat of an attack on mass gatherings in Moscow by a terrorist group.",
                 "justifications": {"target": "detail-unconfirmed"}}""");
        assertThat(justified.json().path("approvable").asBoolean()).as("%s", justified.body()).isTrue();

        Reply russian = call("analyst", "PUT", "/api/v1/drafts/" + id + "/text", """
                {"language": "ru", "text": "Угроза нападения (attack) на mass gatherings в Moscow, terrorist group."}""");
        assertThat(russian.json().path("texts").path("ru").asString()).startsWith("Угроза нападения");
        assertThat(russian.json().path("approvable").asBoolean()).as("%s", russian.body()).isTrue();
        assertThat(russian.json().path("texts").path("en").asString()).startsWith("Security alert: a credible threat");

        Reply noPersian = call("analyst", "PUT", "/api/v1/drafts/" + id + "/text", "{\"language\": \"fa\", \"text\": \"x\"}");
        assertThat(noPersian.status()).isEqualTo(400);
        assertThat(noPersian.detail()).endsWith("has no text in fa; its languages: en, ru");

        Reply leaking = call("analyst", "PUT", "/api/v1/drafts/" + id + "/text",
                "{\"text\": \"Security alert: as N-I-G-H-T-J-A-R says, avoid concert halls in Moscow.\"}");
        assertThat(leaking.status()).isEqualTo(422);
        assertThat(leaking.json().path("type").asString()).isEqualTo("urn:forewarn:problem:leak-check");
        assertThat(leaking.detail()).isEqualTo("the leak check refuses the edited text of draft " + id
                + ": it reveals protected term #0");
        assertThat(leaking.body().toLowerCase(Locale.ROOT)).doesNotContain("nightjar");
        assertThat(call("analyst", "GET", "/api/v1/drafts/" + id, null).json().path("texts").path("ru").asString())
                .as("a refused edit changes nothing").startsWith("Угроза нападения");

        List<JsonNode> edits = call("oversight", "GET", "/api/v1/events?size=500", null).json().path("items").valueStream()
                .filter(event -> event.path("type").asString().equals("draft-edited")).toList();
        assertThat(edits).hasSize(3).allSatisfy(event -> {
            assertThat(event.path("actor").asString()).isEqualTo("analyst");
            assertThat(event.path("subject").asString()).isEqualTo(id);
        });
        assertThat(edits.get(0).path("summary").asString()).startsWith("draft " + id + " edited by analyst (en): specificity ");
        assertThat(call("oversight", "GET", "/api/v1/ledger/entries?size=500", null).body())
                .contains("draft-edited").doesNotContainIgnoringCase("nightjar");

        assertThat(call("approver", "POST", "/api/v1/drafts/" + id + "/approve", null).status()).isEqualTo(200);
        Reply afterApproval = call("analyst", "PUT", "/api/v1/drafts/" + id + "/text", "{\"text\": \"Avoid concert halls.\"}");
        assertThat(afterApproval.status()).isEqualTo(409);
        assertThat(afterApproval.detail()).isEqualTo("draft " + id + " is approved; only a drafted draft can be edited "
                + "(withdraw it and draft anew)");
    }

    private Reply call(String login, String method, String path, String body) {
        return Http.callAs(port, login, method, path, body == null ? null : "application/json", body);
    }
}
