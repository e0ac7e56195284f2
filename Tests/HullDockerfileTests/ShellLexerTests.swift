import Testing
@testable import HullDockerfile
