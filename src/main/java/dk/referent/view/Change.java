package dk.referent.view;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One applied event as a client sees it: the read model's {@code version} after it and the RFC 6902 JSON Patch
 * that turns version − 1 into version. This is both the live message and an entry of GET …/changes?since=.
 */
public record Change(String type, String id, long version, Instant at, String actor, JsonNode patch) {
}
