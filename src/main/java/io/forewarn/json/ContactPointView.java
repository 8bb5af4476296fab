package io.forewarn.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.forewarn.party.ContactBook;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A contact point of a party as it is written ({@code {kind, address}}), and when it was disabled if it was.
 * A webhook's secret is written in and never shown: no view has a place for it.
 */
@JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
public record ContactPointView(String kind, String address,
                               @JsonInclude(JsonInclude.Include.NON_NULL) String disabledAt) {

    public static ContactPointView of(ContactBook.Listed listed) {
        return new ContactPointView(listed.point().kind(), listed.point().address(),
                listed.disabledAt().map(Object::toString).orElse(null));
    }
}
