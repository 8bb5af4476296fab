package io.forewarn.web.api;

import io.forewarn.code.Coded;
import io.forewarn.obligation.PartyImport;
import io.forewarn.obligation.PartyImport.Mode;
import io.forewarn.party.ContactBook;
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
import java.util.List;

/**
 * Bulk import of parties: CSV ({@link PartyCsv} documents the columns) or a GeoJSON FeatureCollection
 * ({@link PartyGeoJson}). Every row is checked on its own; the good ones are stored in one transaction
 * and the bad ones reported by row, field and problem, as {@link PartyImport} decides: with
 * {@code ?mode=create} (the default) a row whose id is already on file is a row problem; with
 * {@code ?mode=upsert} it replaces that party. This class reads the request and writes the answer.
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

    static final String CSV = "text/csv";
    static final String GEO_JSON = "application/geo+json";
    static final int MAX_LISTED = 1000;

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
        PartyImport parties = PartyImport.of(rows, mode);
        PartyImport.Outcome outcome = desk.change(duty -> parties.storeInto(duty, contacts, login));
        List<RowProblem> rejected = outcome.rejected();
        return new ImportAnswer(outcome.created(), outcome.updated(),
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
