package io.forewarn.web.api;

import io.forewarn.code.Coded;
import io.forewarn.obligation.PartyRegister;
import io.forewarn.party.ContactBook;
import io.forewarn.party.ContactPoint;
import io.forewarn.party.Party;
import io.forewarn.party.bulk.ImportRow;
import io.forewarn.party.bulk.PartyCsv;
import io.forewarn.party.bulk.PartyGeoJson;
import io.forewarn.party.bulk.RowProblem;
import io.forewarn.server.CaseDesk;
import io.forewarn.web.security.Caller;
import io.forewarn.web.openapi.ImportSchemas;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Bulk import of parties: CSV ({@link PartyCsv} documents the columns) or a GeoJSON FeatureCollection
 * ({@link PartyGeoJson}). Every row is checked on its own; the good ones are stored in one transaction
 * and the bad ones reported by row, field and problem. With {@code ?mode=create} (the default) a row
 * whose id is already on file is a row problem; with {@code ?mode=upsert} it replaces that party. A
 * row repeating an id of an earlier good row of the same document is a row problem in both modes.
 *
 * <p>The answer is 200 with {@code {created: [ids], updated: [ids], rejected: [{row, field, problem}]}};
 * 400 only when the document as a whole cannot be read (not UTF-8, no usable CSV header, not JSON, not
 * a FeatureCollection). At most {@value #MAX_LISTED} problems are listed; {@code rejected-not-listed}
 * then counts the rest.
 */
@Tag(name = "parties")
@RestController
@RequestMapping("/api/v1/parties/import")
class PartyImportController {

    /**
     * Rows stored per batch: each table's rows of a batch go in one COPY on PostgreSQL, so fewer, larger batches
     * wait on fewer round trips (measured with bench import, 100,000 rows, loaded: 1,640 rows/s at 10,000 against
     * 1,554 at 1,000; docs/benchmarks.md). A document (4 MiB at most) holds up to a few of them.
     */
    private static final int CHUNK = 10_000;

    static final String CSV = "text/csv";
    static final String GEO_JSON = "application/geo+json";
    static final int MAX_LISTED = 1000;

    private enum Mode implements Coded {
        CREATE, UPSERT;

        @Override
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final CaseDesk desk;
    private final ContactBook contacts;

    PartyImportController(CaseDesk desk, ContactBook contacts) {
        this.desk = desk;
        this.contacts = contacts;
    }

    @Operation(operationId = "importParties", summary = "Import many parties",
            description = "CSV or GeoJSON in UTF-8. Every row is checked on its own; the good rows are stored together "
                    + "and the bad ones listed. mode=create (the default) refuses an id on file, mode=upsert replaces it. "
                    + "400 only when the document as a whole cannot be read.")
    @PostMapping(consumes = {CSV, GEO_JSON})
    ImportAnswer parties(@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
            @Content(mediaType = CSV, schema = @Schema(type = "string", description = ImportSchemas.CSV)),
            @Content(mediaType = GEO_JSON, schema = @Schema(implementation = ImportSchemas.FeatureCollection.class))})
                         @RequestBody byte[] body,
                         @Parameter(schema = @Schema(allowableValues = {"create", "upsert"}))
                         @RequestParam(defaultValue = "create") String mode,
                         @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
                         Authentication authentication) {
        Mode chosen = mode(mode);
        String text = text(body, contentType);
        List<ImportRow> rows = MediaType.parseMediaType(contentType).isCompatibleWith(MediaType.parseMediaType(CSV))
                ? PartyCsv.read(RequestBodies.SOURCE, text)
                : PartyGeoJson.read(RequestBodies.SOURCE, text);
        return store(rows, chosen, Caller.of(authentication).name());
    }

    private ImportAnswer store(List<ImportRow> rows, Mode mode, String login) {
        List<RowProblem> rejected = new ArrayList<>();
        List<ImportRow.Accepted> accepted = new ArrayList<>();
        Map<String, Integer> firstRow = new HashMap<>();
        for (ImportRow row : rows) {
            if (row instanceof ImportRow.Rejected bad) {
                rejected.addAll(bad.problems());
            } else if (row instanceof ImportRow.Accepted good) {
                Integer earlier = firstRow.putIfAbsent(good.party().id(), good.row());
                if (earlier != null) {
                    rejected.add(new RowProblem(good.row(), "id", "the same id is on an earlier row (" + earlier + ")"));
                } else {
                    accepted.add(good);
                }
            }
        }
        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        desk.change(duty -> {
            // a chunk at a time: one question for the parties on file, one batched upsert, one batch of events,
            // one question of the index for the open reports that reach them (PartyRegister.importAll)
            for (int from = 0; from < accepted.size(); from += CHUNK) {
                List<ImportRow.Accepted> chunk = accepted.subList(from, Math.min(accepted.size(), from + CHUNK));
                List<String> ids = chunk.stream().map(good -> good.party().id()).toList();
                java.util.Set<String> taken = duty.casebook().partiesOnFile(ids);
                // the bodies of the parties on file are read only to be replaced: a create reads ids alone
                Map<String, Party> onFile = new HashMap<>();
                if (mode == Mode.UPSERT && !taken.isEmpty()) {
                    duty.casebook().parties(taken).forEach(party -> onFile.put(party.id(), party));
                }
                java.util.Set<String> removed = taken.isEmpty() ? java.util.Set.of() : duty.casebook().partiesRemoved(ids);
                List<Party> registered = new ArrayList<>();
                List<PartyRegister.Replacement> replaced = new ArrayList<>();
                List<ImportRow.Accepted> stored = new ArrayList<>();
                for (ImportRow.Accepted good : chunk) {
                    Party party = good.party();
                    Party before = onFile.get(party.id());
                    if (removed.contains(party.id())) {
                        rejected.add(new RowProblem(good.row(), "id",
                                "the party with this id was removed, and its id is not given out again"));
                        continue;
                    }
                    if (taken.contains(party.id()) && mode == Mode.CREATE) {
                        rejected.add(new RowProblem(good.row(), "id",
                                "a party with this id is on file; import with ?mode=upsert to replace it"));
                        continue;
                    }
                    stored.add(good);
                    if (before == null) {
                        registered.add(party);
                        created.add(party.id());
                    } else {
                        replaced.add(new PartyRegister.Replacement(before, party));
                        updated.add(party.id());
                    }
                }
                duty.parties().importAll(registered, replaced, login);
                // a replaced party's contact points are replaced with it, as by PUT; a new one's written if it has any
                Map<String, List<ContactPoint>> written = new LinkedHashMap<>();
                for (ImportRow.Accepted good : stored) {
                    if (!good.contacts().isEmpty() || onFile.containsKey(good.party().id())) {
                        written.put(good.party().id(), good.contacts());
                    }
                }
                contacts.replaceAll(written);
            }
            return null;
        });
        rejected.sort(Comparator.comparingInt(RowProblem::row));
        return new ImportAnswer(created, updated,
                rejected.stream().limit(MAX_LISTED).map(ImportAnswer.Rejected::of).toList(),
                rejected.size() > MAX_LISTED ? rejected.size() - MAX_LISTED : null);
    }

    private static Mode mode(String mode) {
        return Coded.of(Mode.class, "mode", mode);
    }

    /** The body as UTF-8 text; a document declared in another charset is refused rather than misread. */
    private static String text(byte[] body, String contentType) {
        Charset declared;
        try {
            declared = MediaType.parseMediaType(contentType).getCharset();
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("an import is read as UTF-8; the Content-Type names a charset this server "
                    + "does not know");
        }
        if (declared != null && !declared.equals(StandardCharsets.UTF_8) && !declared.equals(StandardCharsets.US_ASCII)) {
            throw new IllegalArgumentException("an import is read as UTF-8; the body says it is " + declared.name());
        }
        return RequestBodies.utf8(body == null ? new byte[0] : body);
    }
}
