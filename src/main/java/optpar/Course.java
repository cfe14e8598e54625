package optpar;
public final class Course { private Course() {} }
