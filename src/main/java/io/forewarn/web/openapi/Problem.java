package io.forewarn.web.openapi;

import io.swagger.v3.oas.annotations.media.Schema;

/** The OpenAPI schema of every error: RFC 9457 problem details with the extension fields Forewarn writes. */
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json). The detail never carries "
        + "protected material.")
public record Problem(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "uri-reference",
                       description = "the kind of problem, urn:forewarn:problem:KIND",
                       example = "urn:forewarn:problem:invalid-input") String type,
               @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String title,
               @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "400", maximum = "599") Integer status,
               @Schema(description = "what is wrong, in a sentence; for a request body 'request body:LINE:COLUMN: ...'")
               String detail,
               @Schema(format = "uri-reference", description = "the path of the request") String instance,
               @Schema(minimum = "1", description = "the 1-based line of the request body where the reader found the problem")
               Integer line,
               @Schema(minimum = "1", description = "the 1-based column of that line") Integer column,
               @Schema(description = "the report field that is invalid (invalid-report)") String field) {
}
