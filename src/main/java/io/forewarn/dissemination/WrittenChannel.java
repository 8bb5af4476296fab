package io.forewarn.dissemination;

import io.forewarn.party.ContactPoint;

import java.util.Objects;

/**
 * A channel of a replay: it renders a delivery as the live channel of its kind would send it and keeps that in
 * {@link Artefacts} instead of sending it, so a replay shows what each party would have received without a network.
 * Its receipt says what went and where it was written ({@code CAP Alert en+ru, cap/W-1.xml}). A delivery its rendering
 * refuses (an address no mail server takes, a warning the public feed does not carry) fails for good, as it would live.
 */
public final class WrittenChannel implements Channel {

    /**
     * One delivery as a file: where it goes under the artefacts and what the receipt says was sent.
     *
     * @param what what went, for a person: {@code CAP Update en+ru}, an email's subject, a webhook's event
     */
    public record Written(String folder, String name, String extension, byte[] content, String what) {
        public Written {
            Objects.requireNonNull(folder, "folder");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(extension, "extension");
            Objects.requireNonNull(what, "what");
            content = content.clone();
        }
    }

    /** How one kind of delivery is rendered; it throws {@link IllegalArgumentException} for one it cannot carry. */
    @FunctionalInterface
    public interface Rendering {
        Written render(Delivery delivery);
    }

    private final String kind;
    private final Class<? extends ContactPoint> carries;
    private final String carriesWhat;
    private final Rendering rendering;
    private final Artefacts out;

    /**
     * @param kind        the contact point kind it carries ({@link ContactPoint#kind()})
     * @param carries     the contact point type of that kind
     * @param carriesWhat what that is, for the failure of a delivery to another ("email addresses")
     */
    public WrittenChannel(String kind, Class<? extends ContactPoint> carries, String carriesWhat, Rendering rendering,
                          Artefacts out) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.carries = Objects.requireNonNull(carries, "carries");
        this.carriesWhat = Objects.requireNonNull(carriesWhat, "carriesWhat");
        this.rendering = Objects.requireNonNull(rendering, "rendering");
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public SendOutcome send(Delivery delivery) {
        if (!carries.isInstance(delivery.to())) {
            return SendOutcome.Failed.notCarried(this, delivery, carriesWhat);
        }
        Written written;
        try {
            written = rendering.render(delivery);
        } catch (IllegalArgumentException refused) {
            return SendOutcome.Failed.permanent(refused.getMessage());
        }
        String path = out.put(written.folder(), written.name(), written.extension(), written.content());
        return new SendOutcome.Sent(written.what() + ", " + path);
    }
}
