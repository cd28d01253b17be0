import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Mistakes in a URL are answered with what was wrong and what exists, never an empty 200 or 404.
extension DashboardServerTests {
    @Test("an unknown filter value is a 400 that lists the valid values, in the API, the CSV and the page")
    func unknownFilterValues() async throws {
        try await withApp { client in
            for uri in ["/api/gaps?kind=bogus", "/api/gaps.csv?kind=bogus"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .badRequest, "\(uri)")
                    let body = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                    #expect(body?["parameter"] as? String == "kind")
                    #expect((body?["valid"] as? [String])?.contains("governance-gap") == true)
                    #expect((body?["error"] as? String)?.contains("unknown kind 'bogus'") == true)
                }
            }
            try await client.execute(uri: "/api/gaps?party=nobody", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("lund"))
            }
            try await client.execute(uri: "/api/gaps?level=galactic", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("national"))
            }
            try await client.execute(uri: "/gaps?kind=bogus", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("bogus"))
            }
        }
    }

    @Test("an unknown address is a 404 that says so and lists what exists")
    func unknownAddresses() async throws {
        try await withApp { client in
            try await client.execute(uri: "/nowhere", method: .get) { response in
                #expect(response.status == .notFound)
                let text = String(buffer: response.body)
                #expect(text.contains("Sidan finns inte: /nowhere") && text.contains("/gaps"), "\(text)")
            }
            try await client.execute(uri: "/api/nothing", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(String(buffer: response.body).contains("/api/gaps"))
            }
        }
    }
}
