package dk.referent.meeting.api;

import java.util.List;

public record GuestInvited(String meetingId, String guestId, String name, String title, String organisation,
                           List<String> itemIds) implements MeetingEvent {
}
