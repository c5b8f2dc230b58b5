package dk.referent.meeting.api;

import java.util.List;

/**
 * Everything an agenda item says about itself. Lists are never null (empty instead); the optional
 * texts may be null.
 */
public record AgendaItemDetails(String title, ItemKind kind, Visibility visibility, String timeSlot, String presenter,
                                List<String> recommendations, String caseDescription, String economy,
                                List<Attachment> attachments) {

    public AgendaItemDetails {
        recommendations = recommendations == null ? List.of() : List.copyOf(recommendations);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
