import Foundation
import KlimatnavCore
import KlimatnavStore

/// Escapes text for HTML element content and attribute values.
func esc(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for character in text {
        switch character {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.append(character)
        }
    }
    return out
}

/// The frame every page shares: navigation, language switch, live status, the inline script.
struct Page {
    var language: Language
    var path: String
    var query: [String: String] = [:]
    var hubConnected: Bool

    func t(_ key: String) -> String { Strings.text(key, language) }

    /// A link to `path` keeping the language.
    func link(_ path: String, _ extra: [String: String] = [:]) -> String {
        var query = extra
        query["lang"] = language.rawValue
        return esc("\(path)?\(Self.queryString(query))")
    }

    static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    static func queryString(_ query: [String: String]) -> String {
        query.sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? "")" }
            .joined(separator: "&")
    }

    func render(title: String, body: String) -> String {
        let items: [(String, String)] = [
            ("/", "nav.overview"), ("/goals", "nav.goals"), ("/gaps", "nav.gaps"), ("/barriers", "nav.barriers"),
            ("/parties", "nav.parties"), ("/revisions", "nav.revisions"),
        ]
        var nav = ""
        for item in items {
            let current = item.0 == path || (item.0 != "/" && path.hasPrefix(item.0 + "/"))
            let mark = current ? " aria-current=\"page\"" : ""
            nav += "<a href=\"\(link(item.0))\"\(mark)>\(esc(t(item.1)))</a>"
        }
        var otherQuery = query
        let other: Language = language == .sv ? .en : .sv
        otherQuery["lang"] = other.rawValue
        let switchHref = esc(path + "?" + Self.queryString(otherQuery))
        let liveText = hubConnected ? t("live.disconnected") : t("live.nohub")
        return """
            <!doctype html>
            <html lang="\(language.rawValue)">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(esc(title)) · Klimatnav</title>
            <style>\(Self.css)</style></head>
            <body data-lang="\(language.rawValue)" data-live="\(hubConnected ? "1" : "0")"
              data-t-connected="\(esc(t("live.connected")))" data-t-disconnected="\(esc(t("live.disconnected")))"
              data-t-opened="\(esc(t("change.opened")))" data-t-changed="\(esc(t("change.changed")))" data-t-resolved="\(esc(t("change.resolved")))">
            <header><strong class="brand">Klimatnav</strong><nav>\(nav)</nav>
            <span class="lang"><a id="lang-switch" href="\(switchHref)" hreflang="\(other.rawValue)">\(language == .sv ? "English" : "Svenska")</a></span>
            <span id="live-status" class="live \(hubConnected ? "off" : "none")">\(esc(liveText))</span></header>
            <main><h1>\(esc(title))</h1>
            \(body)
            </main>
            <footer>\(esc(t("footer")))</footer>
            <script>\(Self.script)</script>
            </body></html>
            """
    }

    static let css = """
        :root{--ink:#1b2a22;--muted:#5b6b62;--line:#d5ddd8;--bg:#f6f8f7;--accent:#1f6f4a;--warn:#b5542a}
        *{box-sizing:border-box}body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
        header{display:flex;flex-wrap:wrap;gap:.8rem;align-items:center;padding:.6rem 1.2rem;background:#fff;border-bottom:1px solid var(--line)}
        .brand{color:var(--accent);font-size:1.1rem}nav{display:flex;flex-wrap:wrap;gap:.2rem}
        nav a{padding:.3rem .6rem;border-radius:4px;color:var(--ink);text-decoration:none}nav a[aria-current]{background:var(--accent);color:#fff}
        .lang{margin-left:auto}.live{font-size:.85rem;padding:.2rem .5rem;border-radius:10px;background:#eee}
        .live.on{background:#d7f0e1;color:#145c38}.live.off{background:#f6e3d9;color:#8a3d1b}
        main{padding:1rem 1.2rem;max-width:1200px}h1{font-size:1.4rem;margin:.2rem 0 1rem}h2{font-size:1.1rem;margin-top:1.6rem}
        .cards{display:flex;flex-wrap:wrap;gap:.8rem}.card{background:#fff;border:1px solid var(--line);border-radius:6px;padding:.7rem 1rem;min-width:12rem;text-decoration:none;color:var(--ink)}
        .card .n{display:block;font-size:1.8rem;font-weight:600;color:var(--accent)}.card.kind .n{font-size:1.4rem}
        table{border-collapse:collapse;width:100%;background:#fff;border:1px solid var(--line)}th,td{text-align:left;vertical-align:top;padding:.4rem .5rem;border-bottom:1px solid var(--line)}
        th{background:#eef2ef;font-weight:600}td.num{text-align:right}.muted{color:var(--muted)}.small{font-size:.85rem}
        .tag{display:inline-block;font-size:.8rem;padding:0 .4rem;border-radius:3px;background:#e3ece7;margin:0 .2rem .2rem 0}
        .status-resolved{color:var(--muted);text-decoration:line-through}tr.live-new{background:#fff7d6}
        form.filters{display:flex;flex-wrap:wrap;gap:.6rem;align-items:end;margin-bottom:1rem}form.filters label{display:flex;flex-direction:column;font-size:.85rem}
        select,button{font:inherit;padding:.25rem .4rem}#live-list li{margin:.2rem 0}#live-list li.fresh{background:#fff7d6}
        svg text{font:11px system-ui,sans-serif;fill:var(--muted)}footer{padding:1rem 1.2rem;color:var(--muted);font-size:.85rem}
        details summary{cursor:pointer;color:var(--accent)}
        """

    /// Opens `/events` (server-sent events); on a gap event it adds the event to the live list,
    /// refreshes every count on the page from `/api/summary`, and marks or adds the gap's row.
    static let script = """
        (function(){
        var b=document.body;if(b.dataset.live!=="1"||!window.EventSource)return;
        var st=document.getElementById("live-status");
        function status(on){st.textContent=on?b.dataset.tConnected:b.dataset.tDisconnected;st.className="live "+(on?"on":"off");}
        function refresh(){fetch("/api/summary").then(function(r){return r.json();}).then(function(s){
          document.querySelectorAll("[data-count]").forEach(function(e){var k=e.dataset.count;var v=k==="open"?s.openGaps:k==="resolved"?s.resolvedGaps:s.byKind[k];if(v!==undefined)e.textContent=v;});
        });}
        var es=new EventSource("/events");
        es.addEventListener("open",function(){status(true);});
        es.addEventListener("error",function(){status(false);});
        es.addEventListener("gap",function(m){
          var e=JSON.parse(m.data);var g=e.gap;
          var list=document.getElementById("live-list");
          if(list){var none=document.getElementById("live-none");if(none)none.remove();
            var li=document.createElement("li");li.className="fresh";li.dataset.gap=g.id;li.dataset.change=e.change;
            var when=document.createElement("span");when.className="muted small";when.textContent=e.at+" · "+(b.dataset["t"+e.change[0].toUpperCase()+e.change.slice(1)]||e.change)+" · "+g.kind+" ";
            var s=document.createElement("span");s.textContent=g.summary;li.appendChild(when);li.appendChild(s);list.insertBefore(li,list.firstChild);}
          var row=document.getElementById("gap-"+g.id);
          if(row){row.classList.add("live-new");row.dataset.status=g.status;var c=row.querySelector(".st");if(c)c.textContent=g.status;if(g.status==="resolved")row.classList.add("status-resolved");}
          else{var tb=document.getElementById("gap-rows");if(tb&&g.status==="open"){var tr=document.createElement("tr");tr.id="gap-"+g.id;tr.className="live-new";tr.dataset.status=g.status;
            [g.kind,g.parties.join(", "),g.levels.join(", "),g.summary,"",g.recommendation||"","0",g.status].forEach(function(t,i){var td=document.createElement("td");td.textContent=t;if(i===7)td.className="st";tr.appendChild(td);});tb.insertBefore(tr,tb.firstChild);}}
          refresh();
        });
        })();
        """
}

/// The pages. Each returns a whole HTML document.
struct Views {
    let data: DashboardData
    let page: Page
    let recent: [LiveFeed.Event]

    func t(_ key: String) -> String { page.t(key) }

    func overview() -> String {
        let summary = data.summary()
        var body = "<div class=\"cards\">"
        body += "<a class=\"card\" href=\"\(page.link("/gaps"))\"><span class=\"n\" data-count=\"open\" id=\"count-open\">\(summary.openGaps)</span>\(esc(t("overview.open")))</a>"
        body += "<a class=\"card\" href=\"\(page.link("/gaps", ["resolved": "1"]))\"><span class=\"n\" data-count=\"resolved\" id=\"count-resolved\">\(summary.resolvedGaps)</span>\(esc(t("overview.resolved")))</a>"
        body += "<a class=\"card\" href=\"\(page.link("/parties"))\"><span class=\"n\">\(summary.parties)</span>\(esc(t("nav.parties")))</a>"
        body += "<a class=\"card\" href=\"\(page.link("/goals"))\"><span class=\"n\">\(summary.goals)</span>\(esc(t("nav.goals")))</a>"
        body += "<a class=\"card\" href=\"\(page.link("/barriers"))\"><span class=\"n\">\(summary.barriers)</span>\(esc(t("barriers.title")))</a>"
        body += "</div><h2>\(esc(t("overview.byKind")))</h2><div class=\"cards\">"
        for kind in GapKind.allCases {
            body += "<a class=\"card kind\" href=\"\(page.link("/gaps", ["kind": kind.rawValue]))\"><span class=\"n\" data-count=\"\(kind.rawValue)\" id=\"count-\(kind.rawValue)\">\(summary.byKind[kind.rawValue] ?? 0)</span>\(esc(Strings.kind(kind, page.language)))</a>"
        }
        body += "</div><h2>\(esc(t("overview.live")))</h2><ul id=\"live-list\">"
        if recent.isEmpty {
            body += "<li id=\"live-none\" class=\"muted\">\(esc(t("overview.liveNone")))</li>"
        }
        for event in recent {
            body += "<li data-gap=\"\(esc(event.record.gap.id))\" data-change=\"\(event.change.rawValue)\"><span class=\"muted small\">\(esc(API.iso(event.at))) · \(esc(t("change.\(event.change.rawValue)"))) · \(esc(event.record.gap.kind.rawValue)) </span>\(esc(event.record.gap.summary))</li>"
        }
        body += "</ul>"
        return page.render(title: t("nav.overview"), body: body)
    }

    func goals(party: PartyID? = nil) -> String {
        page.render(title: t("goals.title"), body: goalSection(party: party))
    }

    func goalSection(party: PartyID?) -> String {
        let goals = data.state.goals.values.filter { goal in party.map { goal.party == $0 } ?? true }
            .sorted { ($0.party, $0.id) < ($1.party, $1.id) }
        var body = "<table id=\"goal-table\"><thead><tr><th>\(esc(t("goals.party")))</th><th>\(esc(t("goals.goal")))</th><th>\(esc(t("goals.form")))</th><th>\(esc(t("goals.cut")))</th><th>\(esc(t("goals.target")))</th></tr></thead><tbody>"
        for goal in goals {
            let cut = goal.reductionPercent.map { "−\(Int($0)) % (\(goal.baseYear.map(String.init) ?? "?"))" }
                ?? goal.perCapitaTonnes.map { "\($0) t/inv" } ?? goal.annualRatePercent.map { "−\($0) %/\(t("year"))" } ?? goal.word?.rawValue ?? ""
            body += "<tr><td><a href=\"\(page.link("/parties/\(goal.party.rawValue)"))\">\(esc(data.partyName(goal.party)))</a></td><td>\(esc(goal.text.isEmpty ? goal.id : goal.text))<div class=\"muted small\">\(esc(goal.id))</div></td><td>\(esc(goal.form.rawValue))</td><td>\(esc(cut))</td><td>\(goal.targetYear.map(String.init) ?? "")</td></tr>"
        }
        body += "</tbody></table>"
        // The chart first: a long table would push it out of sight.
        let chart = TrajectoryChart(goals: goals, names: { data.partyName($0) })
        if let svg = chart.svg() {
            return "<h2>\(esc(t("goals.trajectories")))</h2>\(svg)<h2>\(esc(t("goals.title")))</h2>" + body
        }
        return body
    }

    func gaps(filter: GapFilter) -> String {
        var body = filterForm(filter)
        body += gapTable(filter.apply(data.gaps))
        var csvQuery: [String: String] = [:]
        if let party = filter.party { csvQuery["party"] = party }
        if let kind = filter.kind { csvQuery["kind"] = kind }
        if let level = filter.level { csvQuery["level"] = level }
        if filter.includeResolved { csvQuery["resolved"] = "1" }
        body += "<p><a href=\"\(page.link("/api/gaps.csv", csvQuery))\">\(esc(t("gaps.csv")))</a></p>"
        return page.render(title: t("gaps.title"), body: body)
    }

    func filterForm(_ filter: GapFilter) -> String {
        func options(_ values: [(String, String)], _ selected: String?) -> String {
            "<option value=\"\">\(esc(t("filter.all")))</option>" + values.map {
                "<option value=\"\(esc($0.0))\"\($0.0 == selected ? " selected" : "")>\(esc($0.1))</option>"
            }.joined()
        }
        let parties = data.parties.sorted { $0.id < $1.id }.map { ($0.id.rawValue, $0.name) }
        let kinds = GapKind.allCases.map { ($0.rawValue, Strings.kind($0, page.language)) }
        let levels = Level.allCases.map { ($0.rawValue, Strings.level($0, page.language)) }
        return """
            <form class="filters" method="get" action="/gaps"><input type="hidden" name="lang" value="\(page.language.rawValue)">
            <label>\(esc(t("filter.party")))<select name="party">\(options(parties, filter.party))</select></label>
            <label>\(esc(t("filter.kind")))<select name="kind">\(options(kinds, filter.kind))</select></label>
            <label>\(esc(t("filter.level")))<select name="level">\(options(levels, filter.level))</select></label>
            <label><span><input type="checkbox" name="resolved" value="1"\(filter.includeResolved ? " checked" : "")> \(esc(t("filter.resolved")))</span></label>
            <button type="submit">\(esc(t("filter.apply")))</button></form>
            """
    }

    func gapTable(_ records: [GapRecord]) -> String {
        var body = "<table id=\"gap-table\"><thead><tr><th>\(esc(t("gaps.kind")))</th><th>\(esc(t("gaps.parties")))</th><th>\(esc(t("gaps.levels")))</th><th>\(esc(t("gaps.summary")))</th><th>\(esc(t("gaps.evidence")))</th><th>\(esc(t("gaps.recommendation")))</th><th>\(esc(t("gaps.age")))</th><th>\(esc(t("gaps.status")))</th></tr></thead><tbody id=\"gap-rows\">"
        if records.isEmpty {
            body += "<tr><td colspan=\"8\" class=\"muted\">\(esc(t("gaps.none")))</td></tr>"
        }
        for record in records {
            let gap = record.gap
            let end = record.resolvedAt ?? data.readAt
            let days = max(0, Int(end.timeIntervalSince(record.openedAt) / 86_400))
            let age = days == 0 ? t("today") : "\(days) \(t("days"))"
            let parties = gap.parties.map { "<a href=\"\(page.link("/parties/\($0.rawValue)"))\">\(esc(data.partyName($0)))</a>" }.joined(separator: ", ")
            let evidence = gap.evidence.map { "<span class=\"tag\">\(esc($0))</span>" }.joined()
            body += """
                <tr id="gap-\(esc(gap.id))" data-status="\(esc(record.status))" data-kind="\(gap.kind.rawValue)"\(record.status == "resolved" ? " class=\"status-resolved\"" : "")>\
                <td>\(esc(Strings.kind(gap.kind, page.language)))</td><td>\(parties)</td>\
                <td>\(gap.levels.map { esc(Strings.level($0, page.language)) }.joined(separator: ", "))</td>\
                <td>\(esc(gap.summary))<div class="muted small">\(esc(gap.topic))</div></td><td>\(evidence)</td>\
                <td class="small">\(esc(gap.recommendation ?? ""))</td><td class="num" title="\(esc(API.iso(record.openedAt)))">\(esc(age))</td>\
                <td class="st">\(esc(t("status.\(record.status)")))</td></tr>
                """
        }
        return body + "</tbody></table>"
    }

    func barriers() -> String {
        let rows = data.barrierRows()
        var body = ""
        if rows.isEmpty { body += "<p class=\"muted\">\(esc(t("barriers.none")))</p>" }
        body += "<table id=\"barrier-table\"><thead><tr><th>\(esc(t("barriers.title")))</th><th>\(esc(t("barriers.instrument")))</th><th>\(esc(t("filter.level")))</th><th>\(esc(t("barriers.reportedBy")))</th><th>\(esc(t("barriers.responsible")))</th><th>\(esc(t("gaps.status")))</th><th>\(esc(t("barriers.labs")))</th></tr></thead><tbody>"
        for barrier in rows {
            let labs = barrier.policyLabs.map { "<span class=\"tag\">\(esc($0.id)) (\(esc($0.status)))</span>" }.joined()
            body += "<tr id=\"barrier-\(esc(barrier.id))\"><td>\(esc(barrier.title))<div class=\"muted small\">\(esc(barrier.id))</div></td><td>\(esc(barrier.instrument ?? ""))</td><td>\(esc(barrier.changeLevel))</td><td>\(esc(barrier.reportedBy.joined(separator: ", ")))</td><td>\(esc(barrier.responsibleAgency ?? "—"))</td><td>\(esc(barrier.status))</td><td>\(labs)</td></tr>"
        }
        body += "</tbody></table>"
        return page.render(title: t("nav.barriers"), body: body)
    }

    func parties() -> String {
        var body = "<table id=\"party-table\"><thead><tr><th>\(esc(t("goals.party")))</th><th>\(esc(t("parties.kind")))</th><th>\(esc(t("parties.level")))</th><th>\(esc(t("parties.goals")))</th><th>\(esc(t("parties.openGaps")))</th></tr></thead><tbody>"
        for row in data.partyRows() {
            body += "<tr><td><a href=\"\(page.link("/parties/\(row.id)"))\">\(esc(row.name))</a></td><td>\(esc(row.kind))</td><td>\(esc(row.level))</td><td class=\"num\">\(row.goals)</td><td class=\"num\">\(row.openGaps)</td></tr>"
        }
        body += "</tbody></table>"
        return page.render(title: t("parties.title"), body: body)
    }

    func party(_ party: Party) -> String {
        var body = "<p class=\"muted\">\(esc(party.kind.rawValue)) · \(esc(Strings.level(party.level, page.language)))\(party.region.map { " · " + esc($0) } ?? "")</p>"
        body += "<h2>\(esc(t("gaps.title")))</h2>"
        body += gapTable(GapFilter(party: party.id.rawValue).apply(data.gaps))
        body += "<h2>\(esc(t("goals.title")))</h2>" + goalSection(party: party.id)
        return page.render(title: party.name, body: body)
    }

    func revisions() -> String {
        let rows = data.revisionRows()
        var body = rows.isEmpty ? "<p class=\"muted\">\(esc(t("revisions.none")))</p>" : ""
        body += "<table id=\"revision-table\"><thead><tr><th>\(esc(t("revisions.entity")))</th><th>\(esc(t("goals.party")))</th><th>\(esc(t("revisions.at")))</th></tr></thead><tbody>"
        for row in rows {
            body += "<tr><td>\(esc(row.entity)) <span class=\"muted small\">\(esc(row.id))</span></td><td>\(esc(row.party))</td><td>\(esc(row.at))</td></tr>"
        }
        body += "</tbody></table>"
        return page.render(title: t("revisions.title"), body: body)
    }

    func notFound() -> String {
        page.render(title: t("notfound"), body: "<p><a href=\"\(page.link("/"))\">\(esc(t("nav.overview")))</a></p>")
    }
}
