/// The steps of a protocol as a directed graph (an edge for every way a step may lead on), for
/// exhaustive analysis: reachability, cycles, dead ends and path counting. Conditions of routes
/// are not evaluated: every branch counts as possible. Iterative throughout, so a protocol of
/// thousands of steps never exhausts the stack.
public struct StepGraph: Sendable {
  /// Step ids in file order.
  public let ids: [String]
  /// Distinct successors of each step (indices into `ids`), in the order first written; missing
  /// targets are left out.
  public let successors: [[Int]]
  public let startIndex: Int?
  let indexByID: [String: Int]

  public init(_ definition: ProtocolDefinition) {
    var index: [String: Int] = [:]
    var ids: [String] = []
    for step in definition.steps where index[step.id] == nil {
      index[step.id] = ids.count
      ids.append(step.id)
    }
    var successors = [[Int]](repeating: [], count: ids.count)
    for step in definition.steps {
      guard let from = index[step.id], successors[from].isEmpty else { continue }
      var seen = Set<Int>()
      for link in step.successors {
        if let to = index[link.target], seen.insert(to).inserted { successors[from].append(to) }
      }
    }
    self.ids = ids
    self.successors = successors
    self.indexByID = index
    self.startIndex = index[definition.start]
  }

  public func index(of id: String) -> Int? { indexByID[id] }

  /// Indices reachable from the start (itself included).
  public func reachable() -> Set<Int> {
    guard let startIndex else { return [] }
    var seen: Set<Int> = [startIndex]
    var stack = [startIndex]
    while let node = stack.popLast() {
      for next in successors[node] where seen.insert(next).inserted { stack.append(next) }
    }
    return seen
  }

  /// Strongly connected components that contain a cycle (several steps, or a step leading to
  /// itself), among the reachable steps; each as indices in a cycle order when possible.
  public func cycles(within nodes: Set<Int>) -> [[Int]] {
    // Tarjan's algorithm with an explicit stack.
    var indexOf = [Int](repeating: -1, count: ids.count)
    var lowLink = [Int](repeating: 0, count: ids.count)
    var onStack = [Bool](repeating: false, count: ids.count)
    var stack: [Int] = []
    var counter = 0
    var components: [[Int]] = []
    for root in nodes.sorted() where indexOf[root] < 0 {
      var work: [(node: Int, edge: Int)] = [(root, 0)]
      indexOf[root] = counter
      lowLink[root] = counter
      counter += 1
      stack.append(root)
      onStack[root] = true
      while var frame = work.popLast() {
        let node = frame.node
        if frame.edge < successors[node].count {
          let next = successors[node][frame.edge]
          frame.edge += 1
          work.append(frame)
          if indexOf[next] < 0 {
            indexOf[next] = counter
            lowLink[next] = counter
            counter += 1
            stack.append(next)
            onStack[next] = true
            work.append((next, 0))
          } else if onStack[next] {
            lowLink[node] = min(lowLink[node], indexOf[next])
          }
          continue
        }
        if let parent = work.last {
          lowLink[parent.node] = min(lowLink[parent.node], lowLink[node])
        }
        if lowLink[node] == indexOf[node] {
          var component: [Int] = []
          while let top = stack.popLast() {
            onStack[top] = false
            component.append(top)
            if top == node { break }
          }
          if component.count > 1 || successors[node].contains(node) {
            components.append(cycleOrder(component))
          }
        }
      }
    }
    return components.sorted { ($0.min() ?? 0) < ($1.min() ?? 0) }
  }

  /// Orders a component as a walk around a cycle, starting at its first step in file order.
  private func cycleOrder(_ component: [Int]) -> [Int] {
    let members = Set(component)
    guard let first = component.min() else { return component }
    // Breadth-first search inside the component from `first` back to `first`.
    var parent: [Int: Int] = [:]
    var queue = [first]
    var head = 0
    var closing: Int?
    while head < queue.count, closing == nil {
      let node = queue[head]
      head += 1
      for next in successors[node] where members.contains(next) {
        if next == first {
          closing = node
          break
        }
        if parent[next] == nil {
          parent[next] = node
          queue.append(next)
        }
      }
    }
    guard var node = closing else { return component.sorted() }
    var order = [node]
    while node != first, let previous = parent[node] {
      order.append(previous)
      node = previous
    }
    return order.reversed()
  }

  /// Reachable steps in an order where every step comes before its successors; nil when the
  /// reachable graph has a cycle.
  public func topologicalOrder() -> [Int]? {
    let nodes = reachable()
    var inDegree = [Int](repeating: 0, count: ids.count)
    for node in nodes { for next in successors[node] { inDegree[next] += 1 } }
    var ready = nodes.filter { inDegree[$0] == 0 }.sorted()
    var order: [Int] = []
    while let node = ready.popLast() {
      order.append(node)
      for next in successors[node] {
        inDegree[next] -= 1
        if inDegree[next] == 0 { ready.append(next) }
      }
    }
    return order.count == nodes.count ? order : nil
  }
}
