package dk.referent.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

/** problem+json written by filters, which run before Spring MVC's error mapping. */
final class ProblemWriter {

    private ProblemWriter() {
    }

    static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        String type = "https://referent.dk/problems/" + title.toLowerCase().replace(' ', '-');
        response.getWriter().write("{\"type\":\"" + type + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail.replace("\"", "'") + "\"}");
    }
}
