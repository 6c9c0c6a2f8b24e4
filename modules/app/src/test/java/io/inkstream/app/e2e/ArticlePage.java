package io.inkstream.app.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

/**
 * An article page as a reader sees it in the browser: text as rendered (WebDriver returns only
 * visible text), styles as computed, found by the renderer templates' stable classes and ids.
 */
final class ArticlePage {

    private final WebDriver driver;

    private ArticlePage(WebDriver driver) {
        this.driver = driver;
    }

    /** Opens the page and waits until its script has run (the text-size control is shown by the script). */
    static ArticlePage open(WebDriver driver, String url) {
        driver.get(url);
        ArticlePage page = new ArticlePage(driver);
        page.awaitScript();
        return page;
    }

    String headline() {
        return text(By.cssSelector("h1.headline"));
    }

    List<String> breadcrumb() {
        return texts(By.cssSelector("nav.breadcrumb li"));
    }

    /** The line under the headline: time, source agency, editor. */
    String meta() {
        return text(By.cssSelector("article p.meta"));
    }

    String publishedText() {
        return text(By.cssSelector("article p.meta time.published"));
    }

    String source() {
        return text(By.cssSelector("article p.meta .source"));
    }

    String editor() {
        return text(By.cssSelector("article p.meta .editor"));
    }

    List<String> captions() {
        return texts(By.cssSelector("article figure.photo figcaption .caption"));
    }

    List<String> credits() {
        return texts(By.cssSelector("article figure.photo figcaption .credit"));
    }

    List<String> bodyParagraphs() {
        return texts(By.cssSelector("#article-body p"));
    }

    /** Everything the reader can read on the page. */
    String visibleText() {
        return text(By.tagName("body"));
    }

    /** Headings of the panels (Related news, Most popular in 24h, Top news, ...). */
    List<String> panelHeadings() {
        return texts(By.cssSelector("section.panel > h2"));
    }

    List<String> panelItems(String panelId) {
        return texts(By.cssSelector("#" + panelId + " li a"));
    }

    /** Headlines in the site-wide "Most popular in 24h" list. */
    List<String> popularHeadlines() {
        return texts(By.cssSelector("#popular-list li a"));
    }

    double bodyFontSizePx() {
        String size = driver.findElement(By.cssSelector("#article-body p")).getCssValue("font-size");
        return Double.parseDouble(size.replace("px", ""));
    }

    void chooseTextSize(String size) {
        driver.findElement(By.cssSelector(".text-size button[data-size='" + size + "']")).click();
    }

    String pressedTextSize() {
        return driver.findElement(By.cssSelector(".text-size button[aria-pressed='true']")).getAttribute("data-size");
    }

    ArticlePage reload() {
        driver.navigate().refresh();
        awaitScript();
        return this;
    }

    /** Follows the page's print link, as a reader clicking it. */
    void followPrintLink() {
        driver.findElement(By.cssSelector("a.print-link")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body.print-view")));
    }

    /** Marks this document so that a later check can tell it was never reloaded or replaced. */
    void markDocument() {
        js("window.__e2eSameDocument = true;");
    }

    boolean stillMarkedDocument() {
        return Boolean.TRUE.equals(js("return window.__e2eSameDocument === true;"));
    }

    Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private void awaitScript() {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                "complete".equals(js("return document.readyState;"))
                        && !d.findElements(By.cssSelector(".text-size:not([hidden])")).isEmpty());
    }

    private String text(By by) {
        return driver.findElement(by).getText();
    }

    private List<String> texts(By by) {
        return driver.findElements(by).stream().map(WebElement::getText).toList();
    }
}
