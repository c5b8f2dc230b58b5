package dk.referent.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The web front end's deep links (frontend/, served from static/): a reload or a shared link to one of its pages
 * gets index.html, and the page's router shows the right view.
 */
@Controller
class SpaController {

    @GetMapping({"/login", "/committees", "/committees/{id}", "/meetings/{id}", "/funds/{id}"})
    String page() {
        return "forward:/index.html";
    }
}
