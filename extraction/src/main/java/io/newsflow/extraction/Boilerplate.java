package io.newsflow.extraction;

import java.util.regex.Pattern;

/**
 * Lines that pages put around an article's text: share and subscribe prompts, advertising labels, reading times,
 * copyright lines, and bylines or datelines on a line of their own.
 */
final class Boilerplate {

    private static final Pattern PROMPT = Pattern.compile(
            "(?:share(?: this(?: article| story| page)?)?(?: on \\w+)?|share via \\w+|click here\\b.*|tap here\\b.*"
                    + "|follow us\\b.*|sign up\\b.*|subscribe\\b.*|read more\\b.*|related(?: articles| stories)?:?.*"
                    + "|advertisement|advertising|anzeige|publicité|publicidad|sponsored(?: content)?"
                    + "|image (?:source|caption),?.*|getty images|copy link|\\d{1,3}\\s*min(?:ute)?s? read"
                    + "|(?:facebook|twitter|x|whatsapp|linkedin|email|e-mail|telegram|reddit|print)(?:\\s*[|/,·]\\s*\\w+)*"
                    + "|skip (?:to|past) .*|continue reading\\b.*|listen to (?:this )?article.*|comments?(?: \\(\\d+\\))?"
                    + "|©.*|copyright\\b.*|all rights reserved\\.?"
                    // affiliate disclosures and copyright notices, wherever they stand in a short paragraph
                    + "|.{0,300}\\bwe (?:may )?(?:earn|receive) (?:a )?(?:small )?(?:commission|compensation)\\b.{0,300}"
                    + "|.{0,300}\\b(?:is subject to copyright|all rights reserved)\\b.{0,300}"
                    // a media player's fallback and controls, left in the markup for browsers without it
                    + "|.{0,200}\\b(?:your browser does not support|video capable browser|click to unmute"
                    + "|(?:please )?enable javascript)\\b.{0,200})",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    // Capitalised words after "By": a sentence that starts with "By the end of ..." is not a byline.
    private static final Pattern BYLINE = Pattern.compile(
            "(?i:by|von|par|por|door|written by)\\s+\\p{Lu}[\\p{L}.'’-]*(?:\\s+(?:\\p{Lu}[\\p{L}.'’-]*|and|und|et|y)|,)*");
    private static final Pattern DATELINE = Pattern.compile(
            "(?:published|updated|posted|last updated|veröffentlicht|aktualisiert|publié|mis à jour)\\b.{0,60}",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private Boilerplate() {}

    static boolean isPrompt(String line) {
        var stripped = line.strip();
        return PROMPT.matcher(stripped).matches()
                || BYLINE.matcher(stripped).matches()
                || DATELINE.matcher(stripped).matches();
    }
}
