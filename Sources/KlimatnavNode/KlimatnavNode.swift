// KlimatnavNode
