/// A first-in first-out queue with amortised O(1) push and pop (two stacks).
struct Queue<Element> {
    private var back: [Element] = []
    private var front: [Element] = []

    var isEmpty: Bool { back.isEmpty && front.isEmpty }

    /// The element ``pop()`` would return next.
    var first: Element? { front.last ?? back.first }

    mutating func push(_ element: Element) {
        back.append(element)
    }

    mutating func pop() -> Element? {
        if front.isEmpty {
            guard !back.isEmpty else { return nil }
            front = back.reversed()
            back.removeAll(keepingCapacity: true)
        }
        return front.popLast()
    }

    mutating func removeAll() {
        back.removeAll()
        front.removeAll()
    }
}
