package io.inkstream.renderer.page;

import java.util.List;

/**
 * Everything a reader sees on an article page, already formatted: times in the source's zone,
 * body as escaped paragraphs or sanitized HTML, panels resolved to links.
 *
 * @param bodyHtml sanitized HTML when the source had markup, else null and {@code paragraphs} hold the body
 * @param alsoFrom the other versions of the same story (another agency's copy), first published first
 */
public record ArticleView(
        String id,
        String headline,
        String subheadline,
        String section,
        String sectionHref,
        String sectionScope,
        String byline,
        String source,
        String editor,
        String datelinePlace,
        String publishedText,
        String publishedIso,
        String updatedText,
        String updatedIso,
        String summary,
        List<PhotoView> photos,
        List<ParagraphView> paragraphs,
        String bodyHtml,
        List<LinkView> links,
        List<Teaser> related,
        List<LinkView> alsoFrom,
        List<PopularPanel> popular,
        List<Teaser> topNews,
        List<Teaser> photoPanel,
        List<Teaser> videoPanel,
        List<LinkView> share,
        String printHref,
        String canonicalPath) {
}
