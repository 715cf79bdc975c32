package io.newsflow.extraction;

import java.util.regex.Pattern;

/** Lines that pages put around an article's text: share and subscribe prompts, advertising labels, reading times. */
final class Boilerplate {

    private static final Pattern PROMPT = Pattern.compile(
            "(?:share(?: this(?: article| story| page)?)?(?: on \\w+)?|share via \\w+|click here\\b.*|tap here\\b.*"
                    + "|follow us\\b.*|sign up\\b.*|subscribe\\b.*|read more\\b.*|related(?: articles| stories)?:?.*"
                    + "|advertisement|advertising|anzeige|publicité|publicidad|sponsored(?: content)?"
                    + "|image (?:source|caption),?.*|getty images|copy link|\\d{1,3}\\s*min(?:ute)?s? read"
                    + "|(?:facebook|twitter|x|whatsapp|linkedin|email|e-mail|telegram|reddit|print)(?:\\s*[|/,·]\\s*\\w+)*"
                    + "|skip (?:to|past) .*|continue reading\\b.*|listen to (?:this )?article.*|comments?(?: \\(\\d+\\))?"
                    + "|©.*|copyright\\b.*|all rights reserved\\.?)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private Boilerplate() {}

    static boolean isPrompt(String line) {
        return PROMPT.matcher(line.strip()).matches();
    }
}
