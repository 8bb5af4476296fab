package io.forewarn.web.api;

import io.forewarn.json.PartyView;
import io.forewarn.party.ContactBook;
import io.forewarn.party.Party;
import io.forewarn.party.PartyReader;
import io.forewarn.obligation.Casebook;
import io.forewarn.obligation.Slice;
import io.forewarn.web.security.Caller;
import io.forewarn.policy.Audience;
import io.forewarn.server.CaseDesk;
import io.forewarn.web.openapi.PartySchema;
import io.forewarn.web.problem.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parties who may need warnings, written as in a scenario file's {@code parties:} list, with their contact
 * points ({@code contacts}), which are written with the party, in its transaction, and replaced whole with it.
 */
@Tag(name = "parties", description = "Parties who may need warnings")
@RestController
@RequestMapping("/api/v1/parties")
class PartyController {

    private final CaseDesk desk;
    private final ContactBook contacts;

    PartyController(CaseDesk desk, ContactBook contacts) {
        this.desk = desk;
        this.contacts = contacts;
    }

    @Operation(operationId = "createParty", summary = "Create a party",
            description = "A party as a scenario file writes one; an id already on file is 409 (PUT changes it).")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PartyView> create(@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = PartySchema.class))) @RequestBody byte[] body,
                                     Authentication authentication) {
        PartyReader.Contacted read = PartyReader.readContacted(RequestBodies.document(body));
        Party party = read.party();
        String login = Caller.of(authentication).name();
        PartyView created = desk.change(duty -> {
            duty.parties().register(party, login);
            contacts.replace(party.id(), read.contacts());
            return PartyView.of(party, contacts.of(party.id()));
        });
        return ResponseEntity.created(URI.create("/api/v1/parties/" + party.id())).body(created);
    }

    @Operation(operationId = "replaceParty", summary = "Replace a party",
            description = "The whole party, in the shape it is read in; its id must be the path's.")
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    PartyView update(@PathVariable String id, @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = PartySchema.class))) @RequestBody byte[] body,
                     Authentication authentication) {
        PartyReader.Contacted read = PartyReader.readContacted(RequestBodies.document(body));
        Party party = read.party();
        if (!party.id().equals(id)) {
            throw new IllegalArgumentException("the body describes party " + party.id() + ", not " + id);
        }
        String login = Caller.of(authentication).name();
        return desk.change(duty -> {
            onFile(duty.casebook(), id);
            duty.parties().replace(party, login);
            contacts.replace(party.id(), read.contacts());
            return PartyView.of(party, contacts.of(party.id()));
        });
    }

    @Operation(operationId = "removeParty", summary = "Remove a party",
            description = "Takes the party off file: it is no longer listed or read, and no report reaches it; its "
                    + "obligations still awaiting a warning are closed as no-longer-affected, and every obligation, "
                    + "warning and review keeps naming it. Its id is not given out again. The answer is the party as "
                    + "it stood.")
    @DeleteMapping("/{id}")
    PartyView remove(@PathVariable String id, Authentication authentication) {
        String login = Caller.of(authentication).name();
        return desk.change(duty -> {
            onFile(duty.casebook(), id);
            return PartyView.of(duty.parties().remove(id, login), contacts.of(id));
        });
    }

    /** The party with this id, unless there is none or it was removed (404 either way). */
    private static Party onFile(Casebook casebook, String id) {
        return casebook.party(id).filter(party -> !casebook.partyRemoved(id))
                .orElseThrow(() -> new NotFound("no party " + id));
    }

    @Operation(operationId = "readParty", summary = "Read a party")
    @GetMapping("/{id}")
    PartyView read(@PathVariable String id) {
        return desk.read(casebook -> PartyView.of(onFile(casebook, id), contacts.of(id)));
    }

    @Operation(operationId = "listParties", summary = "List parties", description = "Optionally of one audience.")
    @GetMapping
    Page<PartyView> list(@RequestParam(required = false) String audience,
                         @RequestParam(required = false) String after,
                         @RequestParam(defaultValue = "" + Page.DEFAULT_SIZE) int size) {
        Optional<Audience> wanted = Optional.ofNullable(audience).map(Audience::new);
        Slice slice = Page.slice(after, size);
        return desk.read(casebook -> {
            List<Party> parties = casebook.parties(wanted, slice);
            Map<String, List<ContactBook.Listed>> reached = contacts.of(parties.stream().map(Party::id).toList());
            return Page.of(parties, size, Party::id, party -> PartyView.of(party, reached.getOrDefault(party.id(), List.of())));
        });
    }
}
