package io.forewarn.web.openapi;

import io.forewarn.web.security.AccessRules;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.springframework.http.HttpMethod;

import java.util.List;
import java.util.Optional;

/**
 * Who may call an operation, as {@link AccessRules} decides it: the security requirement (HTTP Basic
 * or a bearer JWT), the roles in its description and in {@code x-forewarn-roles}, or that it needs no
 * login at all.
 */
final class OperationAccess {

    static final String ROLES = "x-forewarn-roles";

    private OperationAccess() {
    }

    static void document(String path, PathItem.HttpMethod method, Operation operation) {
        Optional<AccessRules.Access> access = AccessRules.of(HttpMethod.valueOf(method.name()), path);
        if (access.isEmpty()) {
            return; // not in the role matrix: nobody may call it, and the document's test says so
        }
        if (access.get().open()) {
            operation.setSecurity(List.of());
            describe(operation, "No login needed.");
            return;
        }
        operation.setSecurity(List.of(new SecurityRequirement().addList(ApiDocumentation.BASIC),
                new SecurityRequirement().addList(ApiDocumentation.BEARER)));
        operation.addExtension(ROLES, access.get().roles().stream().map(role -> role.code()).toList());
        describe(operation, "Roles: " + access.get().roleCodes() + ".");
    }

    private static void describe(Operation operation, String access) {
        String description = operation.getDescription();
        operation.setDescription(description == null || description.isBlank() ? access : description + "\n\n" + access);
    }
}
