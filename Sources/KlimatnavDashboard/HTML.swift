import Foundation
import KlimatnavCore
import KlimatnavReport
import KlimatnavStore

/// The frame every page shares: navigation, language switch, live status, the inline script.
/// Everything inside the frame is the report's (``HTMLReport``'s sections, ``Catalogue``'s words).
struct Page {
    var catalogue: Catalogue
    var path: String
    var query: [String: String] = [:]
    var hubConnected: Bool

    var language: Language { catalogue.language }
    private var c: Catalogue { catalogue }
    private func e(_ text: String) -> String { HTML.escape(text) }

    /// A link to `path` keeping the language (escaped for an attribute).
    func link(_ path: String, _ extra: [String: String] = [:]) -> String {
        e(href(path, extra))
    }

    /// The same, unescaped.
    func href(_ path: String, _ extra: [String: String] = [:]) -> String {
        var query = extra
        query["lang"] = language.rawValue
        return "\(path)?\(Self.queryString(query))"
    }

    static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    static func queryString(_ query: [String: String]) -> String {
        query.sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? "")" }
            .joined(separator: "&")
    }

    /// The whole document; `heading` false when `body` brings its own (a party's section).
    func render(title: String, body: String, heading: Bool = true) -> String {
        let items: [(String, String)] = [
            ("/", c[.navOverview]), ("/goals", c[.navGoals]), ("/gaps", c[.navGaps]), ("/barriers", c[.navBarriers]),
            ("/parties", c[.navParties]), ("/counties", c[.navCounties]), ("/revisions", c[.navRevisions]),
        ]
        var nav = ""
        for item in items {
            let current = item.0 == path || (item.0 != "/" && path.hasPrefix(item.0 + "/"))
            let mark = current ? " aria-current=\"page\"" : ""
            nav += "<a href=\"\(link(item.0))\"\(mark)>\(e(item.1))</a>"
        }
        var otherQuery = query
        let other: Language = language == .sv ? .en : .sv
        otherQuery["lang"] = other.rawValue
        let switchHref = e(path + "?" + Self.queryString(otherQuery))
        let liveText = hubConnected ? c[.liveDisconnected] : c[.liveNoHub]
        // Words the script needs: the gap kinds, the changes and the statuses.
        var words: [String: String] = ["open": c[.statusOpen], "resolved": c[.statusClosed]]
        for kind in GapKind.allCases { words[kind.rawValue] = c.gapKind(kind) }
        for change in [GapChange.opened, .changed, .resolved] { words["change-" + change.rawValue] = c.gapChange(change) }
        let wordsJSON = (try? String(decoding: JSONEncoder.compact.encode(words), as: UTF8.self)) ?? "{}"
        return """
            <!doctype html>
            <html lang="\(language.rawValue)">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(e(title)) · Klimatnav</title>
            <style>\(HTMLReport.contentStylesheet)
            \(Self.css)</style></head>
            <body data-lang="\(language.rawValue)" data-live="\(hubConnected ? "1" : "0")"
              data-t-connected="\(e(c[.liveConnected]))" data-t-disconnected="\(e(c[.liveDisconnected]))" data-words="\(e(wordsJSON))">
            <a class="skip" href="#main">\(e(c[.skipToContent]))</a>
            <header><strong class="brand">Klimatnav</strong><nav aria-label="\(e(c[.contents]))">\(nav)</nav>
            <span class="lang"><a id="lang-switch" href="\(switchHref)" hreflang="\(other.rawValue)" lang="\(other.rawValue)">\(language == .sv ? "English" : "Svenska")</a></span>
            <span id="live-status" class="live \(hubConnected ? "off" : "none")" role="status">\(e(liveText))</span></header>
            <main id="main" tabindex="-1">\(heading ? "<h1>\(e(title))</h1>" : "")
            \(body)
            </main>
            <footer><p>\(e(c[.dashboardFooter]))</p><p><a id="statement-link" href="\(link(AccessibilityStatement.path(language)))">\(e(c[.accessibilityLink]))</a></p></footer>
            <script>\(Self.script)</script>
            </body></html>
            """
    }

    /// The frame's own styles (the sections bring ``HTMLReport/contentStylesheet``).
    static let css = """
        :root{--ink:#1b2a22;--muted:#5b6b62;--line:#d5ddd8;--bg:#f6f8f7;--accent:#1f6f4a;--warn:#b5542a}
        *{box-sizing:border-box}body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
        header{display:flex;flex-wrap:wrap;gap:.8rem;align-items:center;padding:.6rem 1.2rem;background:#fff;border-bottom:1px solid var(--line)}
        .brand{color:var(--accent);font-size:1.1rem}header nav{display:flex;flex-wrap:wrap;gap:.2rem}
        header nav a{padding:.3rem .6rem;border-radius:4px;color:var(--ink);text-decoration:none}header nav a[aria-current]{background:var(--accent);color:#fff}
        .lang{margin-left:auto}.live{font-size:.85rem;padding:.2rem .5rem;border-radius:10px;background:#eee}
        .live.on{background:#d7f0e1;color:#145c38}.live.off{background:#f6e3d9;color:#8a3d1b}
        main{padding:1rem 1.2rem;max-width:1200px}h1{font-size:1.4rem;margin:.2rem 0 1rem}h2{font-size:1.15rem;margin-top:1.6rem;border-bottom:2px solid var(--accent);padding-bottom:.2rem}
        table{background:#fff}.cards{display:flex;flex-wrap:wrap;gap:.8rem}
        .card{background:#fff;border:1px solid var(--line);border-radius:6px;padding:.7rem 1rem;min-width:12rem;text-decoration:none;color:var(--ink)}
        .card .n{display:block;font-size:1.8rem;font-weight:600;color:var(--accent)}.card.kind .n{font-size:1.4rem}
        .small{font-size:.85rem}tr.status-resolved td{color:var(--muted)}tr.status-resolved td.st{text-decoration:line-through}tr.live-new{background:#fff7d6}
        form.filters{display:flex;flex-wrap:wrap;gap:.6rem;align-items:end;margin-bottom:1rem}form.filters label{display:flex;flex-direction:column;font-size:.85rem}
        select,button{font:inherit;padding:.25rem .4rem}#live-list li{margin:.2rem 0}#live-list li.fresh{background:#fff7d6}
        footer{padding:1rem 1.2rem;color:var(--muted);font-size:.85rem}footer a{color:var(--accent)}details summary{cursor:pointer;color:var(--accent)}
        dl.kinds dt{font-weight:600;margin-top:.4rem}dl.kinds dd{margin-left:1rem}ul.changes{margin:.2rem 0 .8rem}
        section.party{margin-top:0}
        """

    /// Opens `/events` (server-sent events); the "Live" badge is on while the stream is open
    /// and the server's feed reports `connected` (the browser reconnects the stream by
    /// itself, the server its feed); on a gap event it adds the event to the live list,
    /// refreshes every count on the page from `/api/summary`, and marks or adds the gap's row.
    static let script = """
        (function(){
        var b=document.body;if(b.dataset.live!=="1"||!window.EventSource)return;
        var w=JSON.parse(b.dataset.words||"{}");function t(k){return w[k]||k;}
        var st=document.getElementById("live-status");
        var up=false,feed=false;
        function show(){var on=up&&feed;st.textContent=on?b.dataset.tConnected:b.dataset.tDisconnected;st.className="live "+(on?"on":"off");}
        function refresh(){fetch("/api/summary").then(function(r){return r.json();}).then(function(s){
          document.querySelectorAll("[data-count]").forEach(function(e){var k=e.dataset.count;var v=k==="open"?s.openGaps:k==="resolved"?s.resolvedGaps:k==="dismissed"?s.dismissedGaps:s.byKind[k];if(v!==undefined)e.textContent=v;});
        });}
        function cell(tr,text,cls){var td=document.createElement("td");td.textContent=text;if(cls)td.className=cls;tr.appendChild(td);}
        var es=new EventSource("/events");
        es.addEventListener("open",function(){up=true;show();});
        es.addEventListener("error",function(){up=false;show();});
        es.addEventListener("status",function(m){var s=JSON.parse(m.data);feed=s.state==="connected";st.title=s.detail||"";show();});
        es.addEventListener("gap",function(m){
          var e=JSON.parse(m.data);var g=e.gap;
          var list=document.getElementById("live-list");
          if(list){var none=document.getElementById("live-none");if(none)none.remove();
            var li=document.createElement("li");li.className="fresh";li.dataset.gap=g.id;li.dataset.change=e.change;
            var when=document.createElement("span");when.className="muted small";when.textContent=e.at+" · "+t("change-"+e.change)+" · "+t(g.kind)+" ";
            var said=e.sentence&&e.sentence[b.dataset.lang||"en"];var s=document.createElement("span");s.textContent=said||g.summary;if(!said&&b.dataset.lang!=="en")s.lang="en";li.appendChild(when);li.appendChild(s);list.insertBefore(li,list.firstChild);}
          var row=document.getElementById("gap-"+g.id);
          if(row){row.classList.add("live-new");row.dataset.status=g.status;var c=row.querySelector(".st");if(c)c.textContent=t(g.status);if(g.status==="resolved")row.classList.add("status-resolved");}
          else{var tb=document.getElementById("gap-rows");if(tb&&g.status==="open"){var tr=document.createElement("tr");tr.id="gap-"+g.id;tr.className="live-new";tr.dataset.gap=g.id;tr.dataset.status=g.status;
            cell(tr,t(g.kind));cell(tr,(e.sentence&&e.sentence[b.dataset.lang||"en"])||g.summary);cell(tr,g.parties.join(", "));cell(tr,g.evidence.join(", "),"small");cell(tr,e.at,"num");cell(tr,t(g.status),"st");tb.insertBefore(tr,tb.firstChild);}}
          refresh();
        });
        })();
        """
}

/// The pages. Each returns a whole HTML document; the content is the report's.
struct Views {
    let model: ReportModel
    let page: Page
    let recent: [LiveFeed.Event]

    /// A 404 with a message (an unknown revision).
    struct NotFound: Error {
        var message: String
    }

    /// A 400 with a message (an unknown filter value).
    struct BadRequest: Error {
        var message: String
    }

    private var c: Catalogue { page.catalogue }
    private func e(_ text: String) -> String { HTML.escape(text) }

    /// The report's HTML, its party names linking to the dashboard's party pages.
    var report: HTMLReport {
        let known = Set(model.state.parties.keys)
        let lang = page.language.rawValue
        var report = HTMLReport(model: model, language: page.language) { id in
            known.contains(id) ? "/parties/\(id.rawValue)?lang=\(lang)" : nil
        }
        report.gapLink = { "\(Views.gapPath($0))?lang=\(lang)" }
        return report
    }

    func overview() -> String {
        let summary = model.summary()
        var body = "<div class=\"cards\">"
        body +=
            "<a class=\"card\" href=\"\(page.link("/gaps"))\"><span class=\"n\" data-count=\"open\" id=\"count-open\">\(summary.openGaps)</span>\(e(c[.overviewOpen]))</a>"
        body +=
            "<a class=\"card\" href=\"\(page.link("/gaps", ["resolved": "1"]))\"><span class=\"n\" data-count=\"resolved\" id=\"count-resolved\">\(summary.resolvedGaps)</span>\(e(c[.overviewResolved]))</a>"
        if summary.dismissedGaps > 0 {
            body +=
                "<a class=\"card\" href=\"\(page.link("/gaps", ["dismissed": "1"]))\"><span class=\"n\" data-count=\"dismissed\">\(summary.dismissedGaps)</span>\(e(c[.filterDismissed]))</a>"
        }
        body += "<a class=\"card\" href=\"\(page.link("/parties"))\"><span class=\"n\">\(summary.parties)</span>\(e(c[.navParties]))</a>"
        body += "<a class=\"card\" href=\"\(page.link("/goals"))\"><span class=\"n\">\(summary.goals)</span>\(e(c[.partyGoals]))</a>"
        body +=
            "<a class=\"card\" href=\"\(page.link("/barriers"))\"><span class=\"n\">\(summary.barriers)</span>\(e(c[.barriersHeading]))</a>"
        body +=
            "<a class=\"card\" href=\"\(page.link("/revisions"))\"><span class=\"n\">\(summary.revisions)</span>\(e(c[.navRevisions]))</a>"
        body += "</div><h2>\(e(c[.overviewByKind]))</h2><div class=\"cards\">"
        for kind in GapKind.allCases {
            body +=
                "<a class=\"card kind\" href=\"\(page.link("/gaps", ["kind": kind.rawValue]))\" title=\"\(e(c.gapKindExplanation(kind)))\"><span class=\"n\" data-count=\"\(kind.rawValue)\" id=\"count-\(kind.rawValue)\">\(summary.byKind[kind.rawValue] ?? 0)</span>\(e(c.gapKind(kind)))</a>"
        }
        body += "</div><h2>\(e(c[.liveHeading]))</h2><ul id=\"live-list\">"
        if recent.isEmpty {
            body += "<li id=\"live-none\" class=\"muted\">\(e(c[.liveNone]))</li>"
        }
        for event in recent {
            body +=
                "<li data-gap=\"\(e(event.record.gap.id))\" data-change=\"\(event.change.rawValue)\"><span class=\"muted small\">\(e(Timestamp.iso(event.at))) · \(e(c.gapChange(event.change))) · \(e(c.gapKind(event.record.gap.kind))) </span>\(e(GapSentence.text(event.record.gap, in: model.state, c)))</li>"
        }
        body += "</ul>" + report.closedGapsSection()
        return page.render(title: c[.navOverview], body: body)
    }

    /// The report's trajectory chart (first: a long table would push it out of sight) and goal table.
    func goals() -> String {
        page.render(title: c[.navGoals], body: report.chartSection() + report.goalTableSection())
    }

    func gaps(filter: GapFilter) -> String {
        var body = filterForm(filter)
        if let kind = filter.kind.flatMap(GapKind.init(rawValue:)) {
            body += "<p class=\"muted\">\(e(c.gapKindExplanation(kind)))</p>"
        } else {
            body += "<details><summary>\(e(c[.kindsHeading]))</summary><dl class=\"kinds\">"
            for kind in GapKind.allCases { body += "<dt>\(e(c.gapKind(kind)))</dt><dd>\(e(c.gapKindExplanation(kind)))</dd>" }
            body += "</dl></details>"
        }
        let records = filter.apply(model.allGaps, followUps: model.followUps)
        if records.isEmpty { body += "<p class=\"muted\" id=\"gaps-none\">\(e(c[.gapsNoneMatch]))</p>" }
        body += report.gapTable(records, closed: false, status: true)
        var csvQuery: [String: String] = [:]
        if let party = filter.party { csvQuery["party"] = party }
        if let kind = filter.kind { csvQuery["kind"] = kind }
        if let level = filter.level { csvQuery["level"] = level }
        if filter.includeResolved { csvQuery["resolved"] = "1" }
        if let assignedTo = filter.assignedTo { csvQuery["assignedTo"] = assignedTo }
        if filter.overdue { csvQuery["overdue"] = "1" }
        if filter.dismissed { csvQuery["dismissed"] = "1" }
        var excelQuery = csvQuery
        excelQuery["dialect"] = "excel"
        body += "<p><a href=\"\(page.link("/api/gaps.csv", excelQuery))\">\(e(c[.gapsExcel]))</a> · "
        body += "<a href=\"\(page.link("/api/gaps.csv", csvQuery))\">\(e(c[.gapsCSV]))</a></p>"
        return page.render(title: c[.navGaps], body: body)
    }

    func filterForm(_ filter: GapFilter) -> String {
        func options(_ values: [(String, String)], _ selected: String?) -> String {
            "<option value=\"\">\(e(c[.filterAll]))</option>"
                + values.map {
                    "<option value=\"\(e($0.0))\"\($0.0 == selected ? " selected" : "")>\(e($0.1))</option>"
                }.joined()
        }
        let parties = model.state.parties.values.sorted { $0.name < $1.name }.map { ($0.id.rawValue, $0.name) }
        let kinds = GapKind.allCases.map { ($0.rawValue, c.gapKind($0)) }
        let levels = Level.allCases.map { ($0.rawValue, c.level($0)) }
        return """
            <form class="filters" method="get" action="/gaps"><input type="hidden" name="lang" value="\(page.language.rawValue)">
            <label>\(e(c[.colParty]))<select name="party">\(options(parties, filter.party))</select></label>
            <label>\(e(c[.colKind]))<select name="kind">\(options(kinds, filter.kind))</select></label>
            <label>\(e(c[.colLevel]))<select name="level">\(options(levels, filter.level))</select></label>
            <label>\(e(c[.filterAssignedTo]))<select name="assignedTo">\(options(parties, filter.assignedTo))</select></label>
            <label><span><input type="checkbox" name="resolved" value="1"\(filter.includeResolved ? " checked" : "")> \(e(c[.filterResolved]))</span></label>
            <label><span><input type="checkbox" name="overdue" value="1"\(filter.overdue ? " checked" : "")> \(e(c[.filterOverdue]))</span></label>
            <label><span><input type="checkbox" name="dismissed" value="1"\(filter.dismissed ? " checked" : "")> \(e(c[.filterDismissed]))</span></label>
            <button type="submit">\(e(c[.filterApply]))</button></form>
            """
    }

    func barriers() -> String {
        page.render(title: c[.navBarriers], body: report.barriersSection() + report.labsSection())
    }

    func parties() -> String {
        var body =
            "<table id=\"party-table\"><thead><tr><th>\(e(c[.colParty]))</th><th>\(e(c[.colKind]))</th><th>\(e(c[.colLevel]))</th><th>\(e(c[.partyGoals]))</th><th>\(e(c[.overviewOpen]))</th></tr></thead><tbody>"
        let order: [PartyKind] = [.municipality, .agency, .regionalHub, .roadmapOwner, .coordinator, .reference]
        let parties = model.state.parties.values.sorted {
            (order.firstIndex(of: $0.kind) ?? order.count, $0.name) < (order.firstIndex(of: $1.kind) ?? order.count, $1.name)
        }
        let report = self.report
        for party in parties {
            body +=
                "<tr><td>\(report.partyName(party.id))</td><td>\(e(c.partyKind(party.kind)))</td><td>\(e(c.level(party.level)))</td><td class=\"num\">\(model.state.goals(of: party.id).count)</td><td class=\"num\">\(model.openGaps(of: party.id).count)</td></tr>"
        }
        body += "</tbody></table>"
        return page.render(title: c[.navParties], body: body)
    }

    /// The report's section for one party: facts, contract sections, what is missing, goals,
    /// its trajectory and its open gaps.
    func party(_ party: Party) -> String {
        page.render(title: party.name, body: report.partySection(party.id, heading: 1), heading: false)
    }

    /// The national overview: a table per county, the programmes' observed against required pace.
    func counties() -> String {
        page.render(title: c[.navCounties], body: report.emissions.nationalSection(heading: 2))
    }

    /// The accessibility statement.
    func statement() -> String {
        page.render(title: c[.accessibilityTitle], body: AccessibilityStatement.body(c))
    }

    /// The closed contract revisions, and what changed between two of them (``RevisionDiff``):
    /// `from` and `to` when given, else the last two.
    func revisions(from: String?, to: String?) throws -> String {
        let snapshots = model.revisions
        var body = "<p>\(e(c[.revisionsIntro]))</p>"
        guard !snapshots.isEmpty else {
            return page.render(title: c[.navRevisions], body: body + "<p class=\"muted\">\(e(c[.noRevision]))</p>")
        }
        for id in [from, to].compactMap({ $0 }) where model.revision(id) == nil {
            throw NotFound(message: c.format(.diffUnknown, id, snapshots.map(\.revision.id).joined(separator: ", ")))
        }
        body +=
            "<h2>\(e(c[.revisionsHeading]))</h2><table id=\"revision-table\"><thead><tr><th>\(e(c[.colRevision]))</th><th>\(e(c[.colDate]))</th><th>\(e(c[.colTitle]))</th><th>\(e(c[.colClosedAt]))</th><th>\(e(c[.colOpenAtClosing]))</th></tr></thead><tbody>"
        for snapshot in snapshots {
            let revision = snapshot.revision
            body +=
                "<tr data-revision=\"\(e(revision.id))\"><td>\(e(revision.id))</td><td>\(e(revision.date))</td><td>\(revision.title.map { PartyText.html($0, revision.titleEn, page.language) } ?? "")</td><td>\(e(c.date(snapshot.closedAt)))</td><td class=\"num\">\(c.integer(snapshot.gaps.count))</td></tr>"
        }
        body += "</tbody></table>"
        let defaultFrom = snapshots.count >= 2 ? snapshots[snapshots.count - 2].revision.id : snapshots[0].revision.id
        let fromID = from ?? defaultFrom, toID = to ?? snapshots[snapshots.count - 1].revision.id
        func options(_ selected: String) -> String {
            snapshots.map {
                "<option value=\"\(e($0.revision.id))\"\($0.revision.id == selected ? " selected" : "")>\(e($0.revision.id))</option>"
            }.joined()
        }
        body += """
            <form class="filters" method="get" action="/revisions"><input type="hidden" name="lang" value="\(page.language.rawValue)">
            <label>\(e(c[.diffFrom]))<select name="from">\(options(fromID))</select></label>
            <label>\(e(c[.diffTo]))<select name="to">\(options(toID))</select></label>
            <button type="submit">\(e(c[.diffShow]))</button></form>
            """
        if let old = model.revision(fromID), let new = model.revision(toID), snapshots.count >= 2 || from != nil {
            let diff = try RevisionDiff(from: old, to: new, language: page.language, configuration: model.configuration)
            let known = Set(model.state.parties.keys.map(\.rawValue)), lang = page.language.rawValue
            body += diff.html { known.contains($0) ? "/parties/\($0)?lang=\(lang)" : nil }
        }
        return page.render(title: c[.navRevisions], body: body)
    }

    func notFound(_ message: String? = nil) -> String {
        page.render(
            title: c[.notFound],
            body: (message.map { "<p>\(e($0))</p>" } ?? "") + "<p><a href=\"\(page.link("/"))\">\(e(c[.navOverview]))</a></p>")
    }
}
