package dk.referent.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

/** problem+json written by filters and security handlers, which run before Spring MVC's error mapping. */
public final class ProblemWriter {

    private ProblemWriter() {
    }

    public static void write(HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        String type = "https://referent.dk/problems/" + title.toLowerCase().replace(' ', '-');
        response.getWriter().write("{\"type\":\"" + type + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail.replace("\"", "'") + "\"}");
    }
}
