import Foundation

/// The accessibility statement (tillgänglighetsredogörelse) the DOS-lagen asks of public-sector
/// digital services: how the dashboard and the report meet WCAG 2.1 AA, the known
/// shortcomings, how it was tested and where to report problems. The dashboard serves it at
/// `/tillganglighet` (Swedish) and `/accessibility` (English); the report writes it beside
/// its files. Every page's footer links to it.
public enum AccessibilityStatement {
    /// The dashboard's path in `language`.
    public static func path(_ language: Language) -> String {
        language == .sv ? "/tillganglighet" : "/accessibility"
    }

    /// The report's file name in `language`.
    public static func reportFile(_ language: Language) -> String {
        language == .sv ? "tillganglighet.html" : "accessibility.html"
    }

    /// The statement's text (HTML, headings from `<h2>`).
    public static func body(_ c: Catalogue) -> String {
        c[.accessibilityBody]
    }

    /// The statement as a standalone document for the report's folder.
    public static func document(_ language: Language) -> String {
        let c = Catalogue(language)
        let report = "klimatnav-report.\(language.rawValue).html"
        let body =
            "<header><p><a href=\"\(report)\">\(HTML.escape(c[.reportTitle]))</a></p></header><main id=\"main\"><h1>\(HTML.escape(c[.accessibilityTitle]))</h1>"
            + Self.body(c) + "</main>"
        return HTMLReport(model: ReportModel(state: .init(), openGaps: []), language: language).document(
            title: c[.accessibilityTitle], body: body)
    }
}
